locale-name = 简体中文
date-time = { $year }年{ $month }月{ $day }日 { $time }

lang-ar = 阿拉伯语
lang-ca = 加泰罗尼亚语
lang-de = 德语
lang-en = 英语
lang-es = 西班牙语
lang-fr = 法语
lang-it = 意大利语
lang-ja = 日语
lang-ko = 韩语
lang-pt = 葡萄牙语
lang-uk = 乌克兰语
lang-zh = 中文

nav-skip = 跳到正文
nav-label = 主导航
nav-spaces = 我的空间
nav-profile = 个人资料
nav-admin = 管理
nav-logout = 退出
nav-login = 登录
nav-signup = 注册
nav-search = 搜索
footer-language = 语言
footer-apply = 切换
footer-tagline = Pontis：每位学生都能用自己的语言阅读和写作的论坛。
more-items = 更多
back-to-thread = 返回主题

error-page-title = 出了点问题
error-page-home = 返回首页

landing-title = 与世界各地的学校交流，各自使用自己的语言
landing-lead = Pontis 会把每条帖子翻译成读者的语言，点一下就能看到原文。

login-title = 登录
login-submit = 登录
login-no-account = 第一次来？
signup-title = 创建账户
signup-submit = 注册

field-handle = 用户名
field-handle-help = 3 到 32 个字符：小写字母、数字和下划线。
field-display-name = 显示给他人的名字
field-password = 密码
field-first-language = 你的第一语言
field-other-language = 你还能阅读的另一种语言
field-none = 无
field-title = 标题
field-body = 内容
field-body-help = 可以使用 Markdown：**粗体**、*斜体*、[链接](https://example.org)、列表。
field-post-language = 帖子的语言
field-language-detect = 自动检测
field-reason = 原因
field-space-name = 空间名称
field-space-address = 空间地址
field-space-address-help = 3 到 48 个字符：小写字母、数字和连字符。
field-description = 简介
field-visibility = 谁可以阅读
field-invite-code = 邀请码
field-ui-language = 界面语言
field-languages-read = 我能阅读的语言
field-languages-read-help = 第一语言放在最前。用这些语言写的帖子按原文显示，其他帖子会翻译成你的第一语言。
field-language-slot = 第 { $number } 语言

visibility-members-only = 仅限成员（需邀请码）
visibility-public = 所有已登录用户

home-title = 我的空间
home-empty = 你还没有加入任何空间。请向老师索取空间地址和邀请码。
member-count = { $count } 名成员
join-title = 加入空间
join-submit = 加入
space-new-title = 创建空间
space-new-submit = 创建空间

space-nav-label = 空间栏目
space-threads = 主题
space-invite-code = 新成员邀请码：
space-empty = 还没有主题。来发第一个吧！
thread-unread = 有新帖子
thread-pinned = 已置顶
thread-locked = 已锁定
thread-hidden = 已隐藏
post-count = { $count } 条帖子

thread-new-title = 新主题
thread-new-submit = 发布主题
thread-posts = 帖子
thread-pin = 置顶
thread-unpin = 取消置顶
thread-lock = 锁定
thread-unlock = 解锁
thread-locked-note = 此主题已锁定：只有老师可以回复。
reply-title = 你的回复
reply-submit = 发送回复

translated-from = 译自{ $language }
show-original = 查看原文
show-all-originals = 显示全部原文
hide-all-originals = 隐藏全部原文
translation-pending = 正在翻译成{ $language }…
translation-stale = 此译文对应的是旧版本，新译文正在生成。
translation-unavailable = 暂时还没有{ $language }译文。
original-in = 原文（{ $language }）
translation-in = 译文（{ $language }）
you-read-this-language = 你能阅读这种语言。

post-edited = 已编辑
post-deleted = 此帖子已删除。
post-hidden-mark = 已被老师隐藏
post-quote = 引用
post-edit = 编辑
post-hide = 隐藏
post-unhide = 重新显示
post-report = 举报
post-report-submit = 提交举报
compose-language-confirm = 我们无法确定你用哪种语言书写。请确认下方的语言后再次发送。
post-language = 用{ $language }书写
post-language-fix = 这篇帖子的语言是
post-language-submit = 更改
post-wrong-language = 不是用{ $language }写的？
post-wrong-language-reason = 这篇帖子不是用{ $language }写的。
post-edit-title = 编辑帖子
post-edit-submit = 保存修改
history-title = 编辑历史
history-revision = 第 { $number } 版

profile-title = 个人资料
profile-submit = 保存
profile-saved = 个人资料已保存。

reports-title = 举报
reports-empty = 没有待处理的举报。
report-by = { $reporter } 举报了 { $author } 的帖子
report-open-thread = 在主题中打开
report-resolve = 标记为已处理
hidden-title = 已隐藏的帖子
hidden-empty = 没有已隐藏的帖子。
bans-title = 封禁
bans-empty = 没有人被封禁。
bans-until = 截止
bans-by = 执行人
bans-forever = 永久
bans-unban = 解除封禁
bans-new = 封禁用户
bans-days = 天数
bans-days-help = 留空表示永久封禁。
bans-submit = 封禁
modlog-title = 管理日志
modlog-empty = 还没有任何管理操作。
modlog-when = 时间
modlog-moderator = 管理者
modlog-action = 操作
modlog-target = 对象
modlog-action-name = { $action ->
        [lock_thread] 锁定了主题
        [unlock_thread] 解锁了主题
        [pin_thread] 置顶了主题
        [unpin_thread] 取消了置顶
        [hide_thread] 隐藏了主题
        [unhide_thread] 重新显示了主题
        [hide_post] 隐藏了帖子
        [unhide_post] 重新显示了帖子
        [edit_post] 编辑了帖子
        [delete_post] 删除了帖子
        [resolve_report] 处理了举报
        [ban] 封禁了用户
        [unban] 解除了封禁
        [remove_member] 移除了成员
        [rotate_invite] 创建了新的邀请码
        [update_space] 更改了谁可以阅读该空间
       *[change_role] 更改了角色
    }
members-title = 成员
members-person = 成员
members-languages = 阅读语言
members-role = 角色
members-save = 保存
role-student = 学生
role-teacher = 老师
role-owner = 所有者

admin-translation-title = 翻译队列
admin-models-title = 已安装的模型
admin-workers = 远程翻译进程
admin-workers-in-process = 没有远程翻译进程，由服务器自行翻译。
admin-worker-name = 名称
admin-created = 创建时间
admin-last-seen = 最近活动
admin-jobs = 最近的任务
admin-jobs-empty = 队列为空。
admin-job-source = 文本
admin-job-languages = 语言
admin-job-state = 状态
admin-job-attempts = 尝试次数
admin-job-retry = 重试
admin-job-updated = 更新时间
admin-guards = 质量检查
admin-guards-help = 循环重复、输出为空或与原文长度严重不符的译文不会被保存：文本会通过下一条路径重新翻译，若仍失败则明确显示为失败。
admin-guards-none = 没有译文被拒绝。
admin-guard-model = 模型
admin-guard = 检查
admin-guard-hits = 拒绝次数
admin-guard-last = 最近
guard-empty = 空输出
guard-looping = 循环重复
guard-out_of_proportion = 长度失衡
admin-model-engine = 引擎
admin-model-name = 模型
admin-models-empty = 尚未安装翻译模型。
admin-models-problems = 加载失败的模型
admin-models-routes = 成员所读语言之间的翻译路径
admin-models-routes-help = 每个格子表示一行所用语言的帖子经过几个引擎到达该列语言的读者：1 为直接，2 或 3 为经由其他语言；— 表示尚无路径。
admin-models-gaps = 尚无路径
admin-models-gap = { $language }（来自 { $sources }）
admin-models-suggest = 要查看能补上这些空缺的软件包，请运行：

search-title = 搜索
search-label = 搜索所有语言的帖子
search-submit = 搜索
search-count = 找到 { $count } 个帖子
search-none = 没有与“{ $query }”匹配的帖子。
search-matched-body = 在{ $language }正文中找到
search-matched-title = 在{ $language }标题中找到
search-more = 更多结果
bans-hide-posts = 同时隐藏此人在本空间发布的所有内容
invite-title = 邀请
invite-expires = 邀请码有效期至 { $when }。
invite-no-expiry = 邀请码不会过期。
invite-uses-of = 已使用 { $used } 次，共 { $max } 次。
invite-uses = 已使用 { $used } 次。
invite-days = 新邀请码的有效天数（留空：不限）
invite-max-uses = 可用它加入的人数（留空：不限）
invite-rotate = 生成新邀请码（旧的将失效）
members-remove = 移除
members-remove-person = 将 { $name } 移出空间
reports-resolve-page = 将本页所有举报标记为已处理
reports-more = 更早的举报
security-link = 密码和已登录的浏览器
security-title = 密码和会话
password-title = 修改密码
field-current-password = 当前密码
field-new-password = 新密码
password-help = 至少 8 个字符。修改后，其他所有地方都会退出登录。
password-submit = 修改密码
password-changed = 密码已修改。其他所有浏览器都已退出登录。
sessions-title = 你在哪里登录
session-current = 此浏览器
session-started = 登录于
session-last-seen = 最近使用
session-unknown-browser = 未知浏览器
session-end = 在那里退出
sessions-end-all = 在所有地方退出（包括这里）

# Notifications
nav-notifications = 通知
nav-notifications-unread = 通知，{ $count } 条未读
notifications-title = 通知
notifications-empty = 还没有通知。你的主题收到的回复、提到你的帖子以及版主对你帖子的操作会显示在这里。
notifications-mark-all = 全部标为已读
notifications-older = 更早的通知
notification-someone = 某人
notification-reply = { $actor } 在“{ $thread }”中回复了
notification-mention = { $actor } 在“{ $thread }”中提到了你
notification-quote = { $actor } 在“{ $thread }”中引用了你
notification-post-hidden = { $actor } 隐藏了你在“{ $thread }”中的帖子
notification-post-unhidden = { $actor } 重新显示了你在“{ $thread }”中的帖子
notification-report = { $actor } 举报了“{ $thread }”中的一个帖子
notification-member-joined = { $actor } 加入了 { $space }
notification-reason = 原因：{ $reason }
notification-original = 尚未翻译：{ $language }原文
notification-hidden-since = 此后已隐藏
notification-deleted-since = 此后已删除
watch-label = 通知我
watch-watching = 每条回复
watch-normal = 仅提及和引用
watch-muted = 不通知（静音）
watch-save = 保存
mention-suggestions = 本空间的成员

## Glossary and corrections (issue 14)
glossary-title = 术语表
glossary-intro = 本空间的翻译必须遵守的名称和术语。没有译文的术语永远不会被翻译：人名请这样设置。有译文的术语对该语言的读者总是显示为该译文。用小写字母书写的术语匹配时不区分大小写；含大写字母的术语只按原样匹配。
glossary-term = 术语
glossary-written-in = 术语语言
glossary-any-language = 任何语言
glossary-translate-to = 目标语言
glossary-never = 不翻译
glossary-translation = 译文
glossary-save = 保存术语表
glossary-saved = 术语表已保存。使用了已更改术语的帖子正在重新翻译。
corrections-title = 译文更正
corrections-intro = 读者标记为翻译不当的句子。你批准的更正会在本空间的所有地方替换该句的机器翻译。
corrections-flags = 被标记的句子
corrections-none-flagged = 没有被标记的句子。
corrections-original = 原文
corrections-machine = 机器翻译
corrections-suggestion = 建议
corrections-flagged-by = 由 @{ $handle } 标记
corrections-your-translation = 正确译文
corrections-approve = 批准更正
corrections-dismiss = 忽略
corrections-approved = 生效中的更正
corrections-none = 还没有更正。
corrections-revoke = 撤销
corrections-approved-by = 由 @{ $handle } 批准
translation-corrected = 已由老师更正
translation-flag = 译文有误？
sentences-title = 逐句查看译文
sentences-intro = 标记翻译错误的句子。老师会在原文旁边看到它，并可以为所有人更正。
sentences-flag = 这句翻译有误
sentences-flag-submit = 发送给老师
sentences-flagged = 谢谢！老师会查看的。
sentences-none = 这篇帖子还没有{ $language }译文。
