locale-name = 한국어
date-time = { $year }년 { $month }월 { $day }일 { $time }

lang-ar = 아랍어
lang-ca = 카탈루냐어
lang-de = 독일어
lang-en = 영어
lang-es = 스페인어
lang-fr = 프랑스어
lang-it = 이탈리아어
lang-ja = 일본어
lang-ko = 한국어
lang-pt = 포르투갈어
lang-uk = 우크라이나어
lang-zh = 중국어

nav-skip = 본문으로 건너뛰기
nav-label = 주 메뉴
nav-spaces = 내 공간
nav-profile = 프로필
nav-admin = 관리
nav-logout = 로그아웃
nav-login = 로그인
nav-signup = 회원가입
nav-search = 검색
footer-language = 언어
footer-apply = 변경
footer-tagline = Pontis — 모든 학생이 자기 언어로 읽고 쓰는 포럼.
more-items = 더 보기
back-to-thread = 스레드로 돌아가기

error-page-title = 문제가 생겼습니다
error-page-home = 첫 페이지로 가기

landing-title = 전 세계 학교와 각자의 언어로 이야기하세요
landing-lead = Pontis는 모든 글을 읽는 사람의 언어로 번역하고, 원문은 클릭 한 번으로 볼 수 있습니다.

login-title = 로그인
login-submit = 로그인
login-no-account = 처음이신가요?
signup-title = 계정 만들기
signup-submit = 가입하기

field-handle = 사용자 이름
field-handle-help = 영문 소문자, 숫자, 밑줄로 3~32자.
field-display-name = 다른 사람에게 보이는 이름
field-password = 비밀번호
field-first-language = 제1언어
field-other-language = 읽을 수 있는 다른 언어
field-none = 없음
field-title = 제목
field-body = 내용
field-body-help = Markdown을 쓸 수 있습니다: **굵게**, *기울임*, [링크](https://example.org), 목록.
field-post-language = 글의 언어
field-language-detect = 자동 감지
field-reason = 사유
field-space-name = 공간 이름
field-space-address = 공간 주소
field-space-address-help = 영문 소문자, 숫자, 하이픈으로 3~48자.
field-description = 설명
field-visibility = 읽을 수 있는 사람
field-invite-code = 초대 코드
field-ui-language = 화면 언어
field-languages-read = 읽을 수 있는 언어
field-languages-read-help = 제1언어를 맨 앞에 두세요. 이 언어로 쓴 글은 원문 그대로 보이고, 나머지는 제1언어로 번역됩니다.
field-language-slot = 제{ $number }언어

visibility-members-only = 회원만 (초대 코드 필요)
visibility-public = 로그인한 모든 사람

home-title = 내 공간
home-empty = 아직 참여한 공간이 없습니다. 선생님께 공간 주소와 초대 코드를 물어보세요.
member-count = 회원 { $count }명
join-title = 공간 참여하기
join-submit = 참여
space-new-title = 공간 만들기
space-new-submit = 공간 만들기

space-nav-label = 공간 메뉴
space-threads = 스레드
space-invite-code = 새 회원용 초대 코드:
space-empty = 아직 스레드가 없습니다. 첫 스레드를 시작해 보세요!
thread-unread = 새 글
thread-pinned = 고정됨
thread-locked = 잠김
thread-hidden = 숨김
post-count = 글 { $count }개

thread-new-title = 새 스레드
thread-new-submit = 스레드 시작
thread-posts = 글
thread-pin = 고정
thread-unpin = 고정 해제
thread-lock = 잠그기
thread-unlock = 잠금 해제
thread-locked-note = 이 스레드는 잠겨 있어 선생님만 답글을 달 수 있습니다.
reply-title = 답글
reply-submit = 답글 보내기

translated-from = { $language }에서 번역됨
show-original = 원문 보기
show-all-originals = 모든 원문 보기
hide-all-originals = 원문 모두 숨기기
translation-pending = { $language }로 번역 중…
translation-stale = 이 번역은 이전 버전의 것입니다. 새 번역이 곧 나옵니다.
translation-unavailable = 아직 { $language } 번역이 없습니다.
original-in = 원문({ $language })
translation-in = 번역({ $language })
you-read-this-language = 읽을 수 있는 언어입니다.

post-edited = 수정됨
post-deleted = 삭제된 글입니다.
post-hidden-mark = 선생님이 숨김
post-quote = 인용
post-edit = 수정
post-hide = 숨기기
post-unhide = 다시 보이기
post-report = 신고
post-report-submit = 신고 보내기
compose-language-confirm = 어떤 언어로 썼는지 확실히 알 수 없었습니다. 아래 언어를 확인하고 다시 보내 주세요.
post-language = { $language }로 작성됨
post-language-fix = 이 게시물의 언어
post-language-submit = 변경
post-wrong-language = { $language }로 작성되지 않았나요?
post-wrong-language-reason = 이 게시물은 { $language }로 작성되지 않았습니다.
post-edit-title = 글 수정
post-edit-submit = 변경 사항 저장
history-title = 수정 기록
history-revision = { $number }번째 버전

profile-title = 프로필
profile-submit = 저장
profile-saved = 프로필이 저장되었습니다.

reports-title = 신고
reports-empty = 처리할 신고가 없습니다.
report-by = { $reporter } 님이 { $author } 님의 글을 신고했습니다
report-open-thread = 스레드에서 열기
report-resolve = 처리 완료로 표시
hidden-title = 숨긴 글
hidden-empty = 숨긴 글이 없습니다.
bans-title = 이용 정지
bans-empty = 이용 정지된 사람이 없습니다.
bans-until = 기한
bans-by = 처리자
bans-forever = 영구
bans-unban = 정지 해제
bans-new = 이용 정지하기
bans-days = 일수
bans-days-help = 비워 두면 영구 정지됩니다.
bans-submit = 정지
modlog-title = 관리 기록
modlog-empty = 아직 관리 기록이 없습니다.
modlog-when = 시간
modlog-moderator = 관리자
modlog-action = 조치
modlog-target = 대상
modlog-action-name = { $action ->
        [lock_thread] 스레드 잠금
        [unlock_thread] 스레드 잠금 해제
        [pin_thread] 스레드 고정
        [unpin_thread] 스레드 고정 해제
        [hide_thread] 스레드 숨김
        [unhide_thread] 스레드 다시 보이기
        [hide_post] 글 숨김
        [unhide_post] 글 다시 보이기
        [edit_post] 글 수정
        [delete_post] 글 삭제
        [resolve_report] 신고 처리
        [ban] 이용 정지
        [unban] 정지 해제
        [remove_member] 멤버를 내보냄
        [rotate_invite] 새 초대 코드를 만듦
        [update_space] 공간을 읽을 수 있는 사람을 변경
       *[change_role] 역할 변경
    }
members-title = 회원
members-person = 이름
members-languages = 읽는 언어
members-role = 역할
members-save = 저장
role-student = 학생
role-teacher = 선생님
role-owner = 소유자

admin-translation-title = 번역 대기열
admin-models-title = 설치된 모델
admin-workers = 원격 작업자
admin-workers-in-process = 원격 작업자가 없습니다. 서버가 직접 번역합니다.
admin-worker-name = 이름
admin-created = 생성
admin-last-seen = 최근 활동
admin-jobs = 최근 작업
admin-jobs-empty = 대기열이 비어 있습니다.
admin-job-source = 텍스트
admin-job-languages = 언어
admin-job-state = 상태
admin-job-attempts = 시도 횟수
admin-job-retry = 다시 시도
admin-job-updated = 갱신
admin-guards = 품질 검사
admin-guards-help = 반복되거나 비어 있거나 원문과 길이가 크게 다른 번역은 저장되지 않습니다. 다음 경로로 다시 번역하며, 그것도 실패하면 실패로 표시됩니다.
admin-guards-none = 거부된 번역이 없습니다.
admin-guard-model = 모델
admin-guard = 검사
admin-guard-hits = 거부
admin-guard-last = 마지막
guard-empty = 빈 출력
guard-looping = 반복
guard-out_of_proportion = 길이 불균형
admin-model-engine = 엔진
admin-model-name = 모델
admin-models-empty = 설치된 번역 모델이 없습니다.
admin-models-problems = 불러오지 못한 모델
admin-models-routes = 구성원이 읽는 언어 사이의 번역 경로
admin-models-routes-help = 각 칸은 행 언어로 쓴 글이 열 언어의 독자에게 닿기까지 거치는 엔진 수입니다. 1은 직접, 2나 3은 다른 언어를 거쳐서, —는 아직 닿지 않음을 뜻합니다.
admin-models-gaps = 아직 닿지 않는 언어
admin-models-gap = { $language } ({ $sources }에서)
admin-models-suggest = 이 빈틈을 메울 패키지를 보려면 다음을 실행하세요:

search-title = 검색
search-label = 모든 언어의 게시물 검색
search-submit = 검색
search-count = 게시물 { $count }개를 찾았습니다
search-none = “{ $query }”와(과) 일치하는 게시물이 없습니다.
search-matched-body = { $language } 본문에서 찾음
search-matched-title = { $language } 제목에서 찾음
search-more = 결과 더 보기
bans-hide-posts = 이 공간에 쓴 글도 모두 숨기기
invite-title = 초대
invite-expires = 코드 유효 기한: { $when }
invite-no-expiry = 코드는 만료되지 않습니다.
invite-uses-of = { $max }회 중 { $used }회 사용됨.
invite-uses = { $used }회 사용됨.
invite-days = 새 코드의 유효 일수 (비워 두면 제한 없음)
invite-max-uses = 이 코드로 참여할 수 있는 인원 (비워 두면 제한 없음)
invite-rotate = 새 코드 만들기 (이전 코드는 더 이상 작동하지 않음)
members-remove = 내보내기
members-remove-person = { $name } 님을 공간에서 내보내기
reports-resolve-page = 이 페이지의 모든 신고를 처리됨으로 표시
reports-more = 이전 신고
security-link = 비밀번호와 로그인된 브라우저
security-title = 비밀번호와 세션
password-title = 비밀번호 변경
field-current-password = 현재 비밀번호
field-new-password = 새 비밀번호
password-help = 8자 이상. 변경하면 다른 모든 곳에서 로그아웃됩니다.
password-submit = 비밀번호 변경
password-changed = 비밀번호가 변경되었습니다. 다른 모든 브라우저에서 로그아웃되었습니다.
sessions-title = 로그인된 곳
session-current = 이 브라우저
session-started = 로그인
session-last-seen = 마지막 사용
session-unknown-browser = 알 수 없는 브라우저
session-end = 거기서 로그아웃
sessions-end-all = 모든 곳에서 로그아웃 (여기도)

# Notifications
nav-notifications = 알림
nav-notifications-unread = 알림, 읽지 않음 { $count }개
notifications-title = 알림
notifications-empty = 아직 없습니다. 내 스레드의 답글, 나에 대한 멘션, 내 글에 대한 운영자의 조치가 여기에 표시됩니다.
notifications-mark-all = 모두 읽음으로 표시
notifications-older = 이전 알림
notification-someone = 누군가
notification-reply = { $actor }님이 “{ $thread }”에 답글을 남겼습니다
notification-mention = { $actor }님이 “{ $thread }”에서 나를 멘션했습니다
notification-quote = { $actor }님이 “{ $thread }”에서 내 글을 인용했습니다
notification-post-hidden = { $actor }님이 “{ $thread }”의 내 글을 숨겼습니다
notification-post-unhidden = { $actor }님이 “{ $thread }”의 내 글을 다시 보이게 했습니다
notification-report = { $actor }님이 “{ $thread }”의 글을 신고했습니다
notification-member-joined = { $actor }님이 { $space }에 참여했습니다
notification-reason = 이유: { $reason }
notification-original = 아직 번역되지 않음: { $language } 원문
notification-hidden-since = 이후 숨겨짐
notification-deleted-since = 이후 삭제됨
watch-label = 알림 받을 내용
watch-watching = 모든 답글
watch-normal = 멘션과 인용만
watch-muted = 없음 (음소거)
watch-save = 저장
mention-suggestions = 이 공간의 사람들

## Glossary and corrections (issue 14)
glossary-title = 용어집
glossary-intro = 이 공간에서 번역이 지켜야 할 이름과 용어입니다. 번역이 없는 용어는 절대 번역되지 않으니 이름에 사용하세요. 번역이 있는 용어는 그 언어로 읽는 사람에게 항상 그 텍스트로 바뀝니다. 소문자로 쓴 용어는 대소문자와 관계없이 일치하고, 대문자가 들어간 용어는 쓴 그대로일 때만 일치합니다.
glossary-term = 용어
glossary-written-in = 용어의 언어
glossary-any-language = 모든 언어
glossary-translate-to = 번역할 언어
glossary-never = 번역하지 않음
glossary-translation = 번역
glossary-save = 용어집 저장
glossary-saved = 용어집을 저장했습니다. 바뀐 용어가 들어간 글을 다시 번역하고 있습니다.
corrections-title = 번역 수정
corrections-intro = 읽는 사람들이 잘못 번역되었다고 표시한 문장입니다. 승인한 수정은 이 공간 전체에서 그 문장의 기계 번역을 대신합니다.
corrections-flags = 표시된 문장
corrections-none-flagged = 표시된 문장이 없습니다.
corrections-original = 원문
corrections-machine = 기계 번역
corrections-suggestion = 제안
corrections-flagged-by = @{ $handle } 님이 표시함
corrections-your-translation = 올바른 번역
corrections-approve = 수정 승인
corrections-dismiss = 무시
corrections-approved = 적용 중인 수정
corrections-none = 아직 수정이 없습니다.
corrections-revoke = 취소
corrections-approved-by = @{ $handle } 님이 승인함
translation-corrected = 선생님이 수정함
translation-flag = 번역이 틀렸나요?
sentences-title = 문장별 번역
sentences-intro = 잘못 번역된 문장을 표시해 주세요. 선생님이 원문과 나란히 보고 모두를 위해 고칠 수 있습니다.
sentences-flag = 이 문장은 잘못 번역되었습니다
sentences-flag-submit = 선생님께 보내기
sentences-flagged = 고맙습니다. 선생님이 확인할 거예요.
sentences-none = 이 글은 아직 { $language } 번역이 없습니다.
