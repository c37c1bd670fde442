# 알림 이메일과 그 페이지.

## 메시지

email-greeting = { $name } 님, 안녕하세요.
email-digest-intro = 지난 요약 이후 Pontis에서 { $count }건의 일이 있었습니다.
email-digest-subject = Pontis 요약: 알림 { $count }건
email-headline-reply = { $actor } 님이 “{ $thread }”에 답글을 남겼습니다
email-headline-mention = { $actor } 님이 “{ $thread }”에서 회원님을 언급했습니다
email-headline-quote = { $actor } 님이 “{ $thread }”에서 회원님의 글을 인용했습니다
email-headline-post-hidden = 관리자가 “{ $thread }”에 있는 회원님의 글을 숨겼습니다
email-headline-post-unhidden = 관리자가 “{ $thread }”에 있는 회원님의 글을 다시 보이게 했습니다
email-headline-report = { $actor } 님이 “{ $thread }”의 글을 신고했습니다
email-headline-member-joined = { $actor } 님이 { $space }에 가입했습니다
email-someone = 누군가
email-reason = 사유: { $reason }
email-original-in = 원문({ $language }).
email-translation-late = 번역이 아직 준비되지 않았습니다.
email-translated = 자동 번역입니다.
email-open = Pontis에서 열기
email-why = Pontis 알림 설정에 따라 이 이메일을 보내 드립니다.
email-settings = 이메일 설정 바꾸기
email-unsubscribe = Pontis의 모든 이메일 수신 거부
email-confirm-subject = Pontis에 사용할 이메일 주소를 확인해 주세요
email-confirm-intro = 누군가(아마도 회원님)가 @{ $handle }의 알림을 { $address }(으)로 보내 달라고 Pontis에 요청했습니다.
email-confirm-action = 확인하려면 이 링크를 열고 버튼을 누르세요(7일 동안 유효합니다):
email-confirm-ignore = 요청한 적이 없다면 이 이메일을 무시하세요. Pontis는 이 주소로 다시 보내지 않습니다.

## 프로필의 이메일 설정

email-settings-title = 이메일 알림
email-not-available = 이 서버에는 이메일이 설정되어 있지 않습니다. 알림은 Pontis 안에서만 보입니다.
email-address-label = 이메일 주소
email-address-help = Pontis는 먼저 이 주소로 링크를 보냅니다. 그 링크를 열기 전까지는 다른 것을 보내지 않습니다. 이메일을 받지 않으려면 비워 두세요.
email-address-pending = { $address }(으)로 보낸 링크를 열기를 기다리는 중입니다.
email-mode-label = 이메일 보내기
email-mode-off = 보내지 않음
email-mode-immediate = 알림마다 바로
email-mode-digest = 하루 한 번, 요약으로
email-kinds-legend = 이메일로 알릴 내용
email-kind-reply = 내가 팔로우하는 스레드의 답글
email-kind-mention = 나를 언급한 글
email-kind-quote = 내 글의 인용
email-kind-post-hidden = 관리자가 내 글을 숨긴 경우
email-kind-post-unhidden = 관리자가 내 글을 다시 보이게 한 경우
email-kind-report = 새 신고(교사와 소유자)
email-kind-member-joined = 새 멤버(소유자)
email-settings-submit = 이메일 설정 저장
email-settings-saved = 이메일 설정이 저장되었습니다.

## 이메일 속 링크로 수신 거부하고 확인하기

unsubscribe-title = 이메일 수신 거부
unsubscribe-question = @{ $handle }에게 보내는 Pontis 이메일을 모두 멈출까요?
unsubscribe-submit = 수신 거부
unsubscribe-done = 완료: Pontis는 더 이상 @{ $handle }에게 이메일을 보내지 않습니다. 프로필에서 다시 켤 수 있습니다.
unsubscribe-unknown = 이 수신 거부 링크는 유효하지 않습니다. 그 뒤로 바뀐 주소로 보낸 이메일의 링크일 수 있습니다.
confirm-email-title = 이메일 주소 확인
confirm-email-question = @{ $handle }의 알림을 { $address }(으)로 보낼까요?
confirm-email-submit = 확인
confirm-email-done = 확인되었습니다. 이제 @{ $handle }의 알림은 { $address }(으)로 갑니다.
confirm-email-unknown = 이 확인 링크는 더 이상 유효하지 않습니다. 링크는 7일 동안, 가장 최근 것만 유효합니다.
