# 通知邮件及其页面。

## 邮件

email-greeting = { $name }，你好：
email-digest-intro = 自上次摘要以来，Pontis 上发生了 { $count } 件事：
email-digest-subject = 你的 Pontis 摘要：{ $count } 条通知
email-headline-reply = { $actor } 在“{ $thread }”中回复了
email-headline-mention = { $actor } 在“{ $thread }”中提到了你
email-headline-quote = { $actor } 在“{ $thread }”中引用了你的帖子
email-headline-post-hidden = 版主隐藏了你在“{ $thread }”中的帖子
email-headline-post-unhidden = 版主重新显示了你在“{ $thread }”中的帖子
email-headline-report = { $actor } 举报了“{ $thread }”中的一个帖子
email-headline-member-joined = { $actor } 加入了 { $space }
email-someone = 某人
email-reason = 原因：{ $reason }
email-original-in = 原文，{ $language }。
email-translation-late = 译文尚未完成。
email-translated = 自动翻译。
email-open = 在 Pontis 中打开
email-why = 你收到这封邮件，是因为你在 Pontis 上的通知设置。
email-settings = 更改邮件设置
email-unsubscribe = 退订 Pontis 的全部邮件
email-confirm-subject = 请确认你在 Pontis 的邮箱地址
email-confirm-intro = 有人（很可能是你）请 Pontis 把 @{ $handle } 的通知发送到 { $address }。
email-confirm-action = 如需确认，请打开此链接并按下按钮（7 天内有效）：
email-confirm-ignore = 如果不是你本人的请求，请忽略这封邮件：Pontis 不会再给这个地址写信。

## 个人资料中的邮件设置

email-settings-title = 邮件通知
email-not-available = 此服务器未配置邮件：通知只在 Pontis 中显示。
email-address-label = 邮箱地址
email-address-help = Pontis 会先向这个地址发送一个链接；在你打开它之前，不会发送其他任何内容。留空则不接收任何邮件。
email-address-pending = 正在等待你打开发送到 { $address } 的链接。
email-mode-label = 发送邮件
email-mode-off = 从不
email-mode-immediate = 立即，每条通知一封
email-mode-digest = 每天一次，以摘要形式
email-kinds-legend = 用邮件通知我
email-kind-reply = 我关注的主题中的回复
email-kind-mention = 提到我的内容
email-kind-quote = 引用我的帖子
email-kind-post-hidden = 版主隐藏我的帖子
email-kind-post-unhidden = 版主重新显示我的帖子
email-kind-report = 新的举报（教师和所有者）
email-kind-member-joined = 新成员（所有者）
email-settings-submit = 保存邮件设置
email-settings-saved = 邮件设置已保存。

## 通过邮件中的链接退订和确认

unsubscribe-title = 退订邮件
unsubscribe-question = 停止向 @{ $handle } 发送 Pontis 的全部邮件吗？
unsubscribe-submit = 退订
unsubscribe-done = 已完成：Pontis 不再向 @{ $handle } 发送邮件。你可以在个人资料中重新开启。
unsubscribe-unknown = 这个退订链接无效。它可能来自发往一个后来已更改的地址的邮件。
confirm-email-title = 确认你的邮箱地址
confirm-email-question = 把 @{ $handle } 的通知发送到 { $address } 吗？
confirm-email-submit = 确认
confirm-email-done = 已确认：@{ $handle } 的通知现在发送到 { $address }。
confirm-email-unknown = 这个确认链接已失效。链接 7 天内有效，且只有最新的一个有效。
