# 通知メールとそのページ。

## メッセージ

email-greeting = { $name } さん、こんにちは。
email-digest-intro = 前回のまとめ以降に Pontis で { $count } 件の出来事がありました。
email-digest-subject = Pontis のまとめ: 通知 { $count } 件
email-headline-reply = { $actor } さんが「{ $thread }」に返信しました
email-headline-mention = { $actor } さんが「{ $thread }」であなたをメンションしました
email-headline-quote = { $actor } さんが「{ $thread }」であなたの投稿を引用しました
email-headline-post-hidden = モデレーターが「{ $thread }」のあなたの投稿を非表示にしました
email-headline-post-unhidden = モデレーターが「{ $thread }」のあなたの投稿を再表示しました
email-headline-report = { $actor } さんが「{ $thread }」の投稿を通報しました
email-headline-member-joined = { $actor } さんが { $space } に参加しました
email-someone = 誰か
email-reason = 理由: { $reason }
email-original-in = 原文（{ $language }）。
email-translation-late = 翻訳はまだできていませんでした。
email-translated = 自動翻訳です。
email-open = Pontis で開く
email-why = Pontis の通知設定により、このメールをお送りしています。
email-settings = メール設定を変更する
email-unsubscribe = Pontis からのメールをすべて停止する
email-confirm-subject = Pontis 用のメールアドレスを確認してください
email-confirm-intro = 誰か（おそらくあなた）が、@{ $handle } の通知を { $address } に送るよう Pontis に依頼しました。
email-confirm-action = 確認するには、このリンクを開いてボタンを押してください（7 日間有効）:
email-confirm-ignore = 心当たりがなければ、このメールは無視してください。Pontis がこのアドレスに再び送ることはありません。

## プロフィールのメール設定

email-settings-title = メール通知
email-not-available = このサーバーではメールが設定されていません。通知は Pontis の中だけに表示されます。
email-address-label = メールアドレス
email-address-help = Pontis はまずこのアドレスにリンクを送ります。あなたがそれを開くまで、ほかには何も送りません。メールが不要なら空欄にしてください。
email-address-pending = { $address } に送ったリンクが開かれるのを待っています。
email-mode-label = メールを送る
email-mode-off = 送らない
email-mode-immediate = 通知ごとにすぐ
email-mode-digest = 1 日 1 回、まとめて
email-kinds-legend = メールで知らせる内容
email-kind-reply = フォロー中のスレッドへの返信
email-kind-mention = 自分へのメンション
email-kind-quote = 自分の投稿の引用
email-kind-post-hidden = モデレーターによる自分の投稿の非表示
email-kind-post-unhidden = モデレーターによる自分の投稿の再表示
email-kind-report = 新しい通報（教師とオーナー）
email-kind-member-joined = 新しいメンバー（オーナー）
email-settings-submit = メール設定を保存
email-settings-saved = メール設定を保存しました。

## メール内のリンクからの配信停止と確認

unsubscribe-title = メールの配信停止
unsubscribe-question = @{ $handle } への Pontis からのメールをすべて停止しますか？
unsubscribe-submit = 配信を停止する
unsubscribe-done = 完了しました。Pontis は @{ $handle } にメールを送らなくなりました。プロフィールで再び有効にできます。
unsubscribe-unknown = この配信停止リンクは無効です。その後に変更されたアドレス宛てのメールのものかもしれません。
confirm-email-title = メールアドレスの確認
confirm-email-question = @{ $handle } の通知を { $address } に送りますか？
confirm-email-submit = 確認する
confirm-email-done = 確認しました。@{ $handle } の通知は { $address } に届きます。
confirm-email-unknown = この確認リンクはもう無効です。リンクは 7 日間、最新のものだけが有効です。
