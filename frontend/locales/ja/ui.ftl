locale-name = 日本語
date-time = { $year }年{ $month }月{ $day }日 { $time }

lang-ar = アラビア語
lang-ca = カタルーニャ語
lang-de = ドイツ語
lang-en = 英語
lang-es = スペイン語
lang-fr = フランス語
lang-it = イタリア語
lang-ja = 日本語
lang-ko = 韓国語
lang-pt = ポルトガル語
lang-uk = ウクライナ語
lang-zh = 中国語

nav-skip = 本文へ移動
nav-label = メイン
nav-spaces = マイスペース
nav-profile = プロフィール
nav-admin = 管理
nav-logout = ログアウト
nav-login = ログイン
nav-signup = 新規登録
nav-search = 検索
footer-language = 言語
footer-apply = 変更
footer-tagline = Pontis — すべての生徒が自分の言葉で読み書きできるフォーラム。
more-items = もっと見る
back-to-thread = スレッドに戻る

error-page-title = 問題が発生しました
error-page-home = トップページへ

landing-title = 世界中の学校と、それぞれの言葉で話そう
landing-lead = Pontis はすべての投稿を読む人の言語に翻訳します。原文もワンクリックで表示できます。

login-title = ログイン
login-submit = ログイン
login-no-account = はじめてですか？
signup-title = アカウントを作成
signup-submit = 登録する

field-handle = ユーザー名
field-handle-help = 3〜32文字の半角小文字・数字・アンダースコア。
field-display-name = 表示名
field-password = パスワード
field-first-language = 第一言語
field-other-language = ほかに読める言語
field-none = なし
field-title = タイトル
field-body = 本文
field-body-help = Markdown が使えます：**太字**、*斜体*、[リンク](https://example.org)、リスト。
field-post-language = 投稿の言語
field-language-detect = 自動検出
field-reason = 理由
field-space-name = スペース名
field-space-address = スペースのアドレス
field-space-address-help = 3〜48文字の半角小文字・数字・ハイフン。
field-description = 説明
field-visibility = 閲覧できる人
field-invite-code = 招待コード
field-ui-language = 表示言語
field-languages-read = 読める言語
field-languages-read-help = 第一言語を先頭に。これらの言語の投稿は原文のまま表示され、それ以外は第一言語に翻訳されます。
field-language-slot = 第{ $number }言語

visibility-members-only = メンバーのみ（招待コードが必要）
visibility-public = ログインしている全員

home-title = マイスペース
home-empty = まだどのスペースにも参加していません。先生にスペースのアドレスと招待コードを聞いてください。
member-count = メンバー { $count } 人
join-title = スペースに参加
join-submit = 参加する
space-new-title = スペースを作成
space-new-submit = スペースを作成する

space-nav-label = スペースのメニュー
space-threads = スレッド
space-invite-code = 新しいメンバー用の招待コード：
space-empty = まだスレッドがありません。最初のスレッドを立てましょう！
thread-unread = 新着あり
thread-pinned = 固定
thread-locked = ロック中
thread-hidden = 非表示
post-count = 投稿 { $count } 件

thread-new-title = 新しいスレッド
thread-new-submit = スレッドを立てる
thread-posts = 投稿
thread-pin = 固定する
thread-unpin = 固定を解除
thread-lock = ロックする
thread-unlock = ロックを解除
thread-locked-note = このスレッドはロックされています。返信できるのは先生だけです。
reply-title = 返信
reply-submit = 返信を送る

translated-from = { $language }から翻訳
show-original = 原文を表示
show-all-originals = すべての原文を表示
hide-all-originals = 原文をすべて隠す
translation-pending = { $language }に翻訳中…
translation-stale = この翻訳は以前の版のものです。新しい翻訳を準備中です。
translation-unavailable = { $language }への翻訳はまだありません。
original-in = 原文（{ $language }）
translation-in = 翻訳（{ $language }）
you-read-this-language = この言語は読めます。

post-edited = 編集済み
post-deleted = この投稿は削除されました。
post-hidden-mark = 先生により非表示
post-quote = 引用
post-edit = 編集
post-hide = 非表示にする
post-unhide = 再表示する
post-report = 報告
post-report-submit = 報告を送る
compose-language-confirm = どの言語で書かれたか確実には判定できませんでした。下の言語を確認して、もう一度送信してください。
post-language = { $language }で書かれています
post-language-fix = この投稿の言語
post-language-submit = 変更
post-wrong-language = { $language }で書かれていませんか？
post-wrong-language-reason = この投稿は{ $language }で書かれていません。
post-edit-title = 投稿を編集
post-edit-submit = 変更を保存
history-title = 編集履歴
history-revision = 第{ $number }版

profile-title = プロフィール
profile-submit = 保存
profile-saved = プロフィールを保存しました。

reports-title = 報告
reports-empty = 未対応の報告はありません。
report-by = { $reporter } さんが { $author } さんの投稿を報告しました
report-open-thread = スレッドで開く
report-resolve = 対応済みにする
hidden-title = 非表示の投稿
hidden-empty = 非表示の投稿はありません。
bans-title = 利用停止
bans-empty = 利用停止中の人はいません。
bans-until = 期限
bans-by = 実施者
bans-forever = 無期限
bans-unban = 利用停止を解除
bans-new = 利用停止にする
bans-days = 日数
bans-days-help = 空欄にすると無期限になります。
bans-submit = 利用停止
modlog-title = モデレーション記録
modlog-empty = まだモデレーションの記録はありません。
modlog-when = 日時
modlog-moderator = 担当者
modlog-action = 操作
modlog-target = 対象
modlog-action-name = { $action ->
        [lock_thread] スレッドをロック
        [unlock_thread] スレッドのロックを解除
        [pin_thread] スレッドを固定
        [unpin_thread] スレッドの固定を解除
        [hide_thread] スレッドを非表示
        [unhide_thread] スレッドを再表示
        [hide_post] 投稿を非表示
        [unhide_post] 投稿を再表示
        [edit_post] 投稿を編集
        [delete_post] 投稿を削除
        [resolve_report] 報告に対応
        [ban] 利用停止
        [unban] 利用停止を解除
        [remove_member] メンバーを削除
        [rotate_invite] 新しい招待コードを作成
        [update_space] スペースを読める人を変更
       *[change_role] 役割を変更
    }
members-title = メンバー
members-person = 名前
members-languages = 読める言語
members-role = 役割
members-save = 保存
role-student = 生徒
role-teacher = 先生
role-owner = オーナー

admin-translation-title = 翻訳キュー
admin-models-title = インストール済みモデル
admin-workers = リモートワーカー
admin-workers-in-process = リモートワーカーはありません。サーバー自身が翻訳しています。
admin-worker-name = 名前
admin-created = 作成日時
admin-last-seen = 最終アクセス
admin-jobs = 最近のジョブ
admin-jobs-empty = キューは空です。
admin-job-source = テキスト
admin-job-languages = 言語
admin-job-state = 状態
admin-job-attempts = 試行回数
admin-job-retry = 再試行
admin-job-updated = 更新日時
admin-guards = 品質チェック
admin-guards-help = 繰り返しになる訳、空の訳、原文と釣り合わない長さの訳は保存されません。次の経路で訳し直し、それも失敗した場合は失敗として表示されます。
admin-guards-none = 却下された翻訳はありません。
admin-guard-model = モデル
admin-guard = チェック
admin-guard-hits = 却下数
admin-guard-last = 最終
guard-empty = 空の出力
guard-looping = 繰り返し
guard-out_of_proportion = 長さの不均衡
admin-model-engine = エンジン
admin-model-name = モデル
admin-models-empty = 翻訳モデルはインストールされていません。
admin-models-problems = 読み込めなかったモデル
admin-models-routes = メンバーが読む言語どうしの翻訳経路
admin-models-routes-help = 各セルは、行の言語の投稿が列の言語の読者に届くまでに通るエンジンの数です。1 は直接、2 か 3 は他の言語を経由、— はまだ届かないことを表します。
admin-models-gaps = まだ届かない言語
admin-models-gap = { $language }（{ $sources } から）
admin-models-suggest = この不足を埋めるパッケージを見るには、次を実行してください:

search-title = 検索
search-label = すべての言語の投稿を検索
search-submit = 検索
search-count = { $count } 件の投稿が見つかりました
search-none = 「{ $query }」に一致する投稿はありません。
search-matched-body = { $language }の本文で見つかりました
search-matched-title = { $language }のタイトルで見つかりました
search-more = さらに表示
bans-hide-posts = このスペースでの投稿もすべて非表示にする
invite-title = 招待
invite-expires = コードの有効期限: { $when }
invite-no-expiry = コードに有効期限はありません。
invite-uses-of = { $max } 回中 { $used } 回使用済み。
invite-uses = { $used } 回使用済み。
invite-days = 新しいコードの有効日数（空欄: 無制限）
invite-max-uses = 参加できる人数（空欄: 無制限）
invite-rotate = 新しいコードを作成（古いコードは使えなくなります）
members-remove = 削除
members-remove-person = { $name } さんをスペースから削除
reports-resolve-page = このページの通報をすべて対応済みにする
reports-more = 以前の通報
security-link = パスワードとログイン中のブラウザー
security-title = パスワードとセッション
password-title = パスワードを変更
field-current-password = 現在のパスワード
field-new-password = 新しいパスワード
password-help = 8 文字以上。変更すると、ほかのすべての場所からログアウトします。
password-submit = パスワードを変更
password-changed = パスワードを変更しました。ほかのブラウザーはすべてログアウトしました。
sessions-title = ログイン中の場所
session-current = このブラウザー
session-started = ログイン
session-last-seen = 最終利用
session-unknown-browser = 不明なブラウザー
session-end = そこからログアウト
sessions-end-all = すべての場所からログアウト（ここも）

# Notifications
nav-notifications = 通知
nav-notifications-unread = 通知（未読 { $count } 件）
notifications-title = 通知
notifications-empty = まだありません。あなたのスレッドへの返信、あなたへのメンション、あなたの投稿に対するモデレーターの操作がここに表示されます。
notifications-mark-all = すべて既読にする
notifications-older = 以前の通知
notification-someone = だれか
notification-reply = { $actor } さんが「{ $thread }」に返信しました
notification-mention = { $actor } さんが「{ $thread }」であなたをメンションしました
notification-quote = { $actor } さんが「{ $thread }」であなたを引用しました
notification-post-hidden = { $actor } さんが「{ $thread }」のあなたの投稿を非表示にしました
notification-post-unhidden = { $actor } さんが「{ $thread }」のあなたの投稿を再表示しました
notification-report = { $actor } さんが「{ $thread }」の投稿を報告しました
notification-member-joined = { $actor } さんが { $space } に参加しました
notification-reason = 理由：{ $reason }
notification-original = まだ翻訳されていません：原文（{ $language }）
notification-hidden-since = その後非表示
notification-deleted-since = その後削除
watch-label = 通知する内容
watch-watching = すべての返信
watch-normal = メンションと引用のみ
watch-muted = なし（ミュート）
watch-save = 保存
mention-suggestions = このスペースの人

## Glossary and corrections (issue 14)
glossary-title = 用語集
glossary-intro = このスペースで翻訳が守るべき名前や用語です。訳語のない用語は翻訳されません。人の名前などに使ってください。訳語のある用語は、その言語で読む人には必ずその訳語で表示されます。小文字で書いた用語は大文字・小文字を区別せずに一致し、大文字を含む用語は書いたとおりの場合にだけ一致します。
glossary-term = 用語
glossary-written-in = 用語の言語
glossary-any-language = すべての言語
glossary-translate-to = 翻訳先の言語
glossary-never = 翻訳しない
glossary-translation = 訳語
glossary-save = 用語集を保存
glossary-saved = 用語集を保存しました。変更された用語を含む投稿を翻訳し直しています。
corrections-title = 訳の訂正
corrections-intro = 読んだ人が「翻訳がおかしい」と指摘した文です。承認した訂正は、このスペース全体でその文の機械翻訳の代わりに使われます。
corrections-flags = 指摘された文
corrections-none-flagged = 指摘された文はありません。
corrections-original = 原文
corrections-machine = 機械翻訳
corrections-suggestion = 提案
corrections-flagged-by = @{ $handle } さんが指摘
corrections-your-translation = 正しい訳
corrections-approve = 訂正を承認
corrections-dismiss = 却下
corrections-approved = 使用中の訂正
corrections-none = 訂正はまだありません。
corrections-revoke = 取り消す
corrections-approved-by = @{ $handle } さんが承認
translation-corrected = 先生が訂正済み
translation-flag = 翻訳が間違っていますか？
sentences-title = 一文ずつ見る翻訳
sentences-intro = 翻訳が間違っている文を指摘してください。先生が原文と並べて確認し、全員のために訂正できます。
sentences-flag = この文の翻訳は間違っています
sentences-flag-submit = 先生に送る
sentences-flagged = ありがとうございます。先生が確認します。
sentences-none = この投稿にはまだ{ $language }の翻訳がありません。
