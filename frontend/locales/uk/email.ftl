# Листи зі сповіщеннями та їхні сторінки.

## Листи

email-greeting = Вітаємо, { $name }!
email-digest-intro = { $count ->
    [one] Ось що сталося в Pontis від вашого останнього підсумку ({ $count } подія):
    [few] Ось що сталося в Pontis від вашого останнього підсумку ({ $count } події):
   *[other] Ось що сталося в Pontis від вашого останнього підсумку ({ $count } подій):
}
email-digest-subject = { $count ->
    [one] Ваш підсумок Pontis: { $count } сповіщення
    [few] Ваш підсумок Pontis: { $count } сповіщення
   *[other] Ваш підсумок Pontis: { $count } сповіщень
}
email-headline-reply = { $actor } відповідає в темі «{ $thread }»
email-headline-mention = { $actor } згадує вас у темі «{ $thread }»
email-headline-quote = { $actor } цитує ваш допис у темі «{ $thread }»
email-headline-post-hidden = Модератор приховав ваш допис у темі «{ $thread }»
email-headline-post-unhidden = Модератор знову показав ваш допис у темі «{ $thread }»
email-headline-report = { $actor } скаржиться на допис у темі «{ $thread }»
email-headline-member-joined = { $actor } приєднується до { $space }
email-someone = Хтось
email-reason = Причина: { $reason }
email-original-in = Оригінал, мова: { $language }.
email-translation-late = Переклад ще не був готовий.
email-translated = Перекладено автоматично.
email-open = Відкрити в Pontis
email-why = Ви отримуєте цей лист через свої налаштування сповіщень у Pontis.
email-settings = Змінити налаштування пошти
email-unsubscribe = Відписатися від усіх листів Pontis
email-confirm-subject = Підтвердьте свою адресу електронної пошти для Pontis
email-confirm-intro = Хтось, імовірно ви, попросив Pontis надсилати сповіщення @{ $handle } на { $address }.
email-confirm-action = Щоб підтвердити, відкрийте це посилання й натисніть кнопку (воно діє 7 днів):
email-confirm-ignore = Якщо ви цього не просили, просто не зважайте на цей лист: Pontis більше не писатиме на цю адресу.

## Налаштування пошти в профілі

email-settings-title = Сповіщення поштою
email-not-available = На цьому сервері пошту не налаштовано: сповіщення видно лише в Pontis.
email-address-label = Адреса електронної пошти
email-address-help = Спершу Pontis надсилає на цю адресу посилання; нічого іншого туди не піде, доки ви його не відкриєте. Залиште порожнім, щоб не отримувати листів.
email-address-pending = Очікуємо, що ви відкриєте посилання, надіслане на { $address }.
email-mode-label = Надсилати листи
email-mode-off = Ніколи
email-mode-immediate = Одразу, про кожне сповіщення
email-mode-digest = Раз на день, підсумком
email-kinds-legend = Писати мені про
email-kind-reply = відповіді в темах, за якими я стежу
email-kind-mention = згадки про мене
email-kind-quote = цитати моїх дописів
email-kind-post-hidden = приховування мого допису модератором
email-kind-post-unhidden = повернення мого допису модератором
email-kind-report = нові скарги (вчителі та власники)
email-kind-member-joined = нових учасників (власники)
email-settings-submit = Зберегти налаштування пошти
email-settings-saved = Налаштування пошти збережено.

## Відписка й підтвердження за посиланням із листа

unsubscribe-title = Відписатися від листів
unsubscribe-question = Припинити всі листи Pontis для @{ $handle }?
unsubscribe-submit = Відписатися
unsubscribe-done = Готово: Pontis більше не надсилає листів для @{ $handle }. Увімкнути їх знову можна в профілі.
unsubscribe-unknown = Це посилання для відписки недійсне. Можливо, воно з листа на адресу, яку відтоді змінено.
confirm-email-title = Підтвердьте свою адресу електронної пошти
confirm-email-question = Надсилати сповіщення @{ $handle } на { $address }?
confirm-email-submit = Підтвердити
confirm-email-done = Підтверджено: сповіщення @{ $handle } тепер надходять на { $address }.
confirm-email-unknown = Це посилання для підтвердження вже недійсне. Посилання діють 7 днів, і лише найновіше.
