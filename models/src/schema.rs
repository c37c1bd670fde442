//! One schema for both backends. Written by hand rather than printed by the diesel CLI,
//! because the CLI would print a different file for each backend.

diesel::table! {
    users (id) {
        id -> BigInt,
        handle -> Text,
        display_name -> Text,
        password_hash -> Text,
        locale -> Text,
        is_admin -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    user_languages (user_id, lang) {
        user_id -> BigInt,
        lang -> Text,
        position -> Integer,
    }
}

diesel::table! {
    spaces (id) {
        id -> BigInt,
        slug -> Text,
        name -> Text,
        description -> Text,
        visibility -> Text,
        invite_code -> Text,
        created_by -> BigInt,
        created_at -> Timestamp,
        invite_expires_at -> Nullable<Timestamp>,
        invite_max_uses -> Nullable<Integer>,
        invite_uses -> Integer,
    }
}

diesel::table! {
    memberships (space_id, user_id) {
        space_id -> BigInt,
        user_id -> BigInt,
        role -> Text,
        joined_at -> Timestamp,
    }
}

diesel::table! {
    threads (id) {
        id -> BigInt,
        space_id -> BigInt,
        author_id -> BigInt,
        title -> Text,
        lang -> Text,
        locked -> Bool,
        pinned -> Bool,
        hidden -> Bool,
        hidden_by -> Nullable<BigInt>,
        hidden_reason -> Nullable<Text>,
        created_at -> Timestamp,
        bumped_at -> Timestamp,
    }
}

diesel::table! {
    posts (id) {
        id -> BigInt,
        thread_id -> BigInt,
        author_id -> BigInt,
        body -> Text,
        lang -> Text,
        lang_source -> Text,
        revision -> Integer,
        content_hash -> Text,
        created_at -> Timestamp,
        edited_at -> Nullable<Timestamp>,
        hidden -> Bool,
        hidden_by -> Nullable<BigInt>,
        hidden_reason -> Nullable<Text>,
        hidden_at -> Nullable<Timestamp>,
        deleted_at -> Nullable<Timestamp>,
        deleted_by -> Nullable<BigInt>,
    }
}

diesel::table! {
    post_revisions (id) {
        id -> BigInt,
        post_id -> BigInt,
        revision -> Integer,
        body -> Text,
        lang -> Text,
        edited_by -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    reports (id) {
        id -> BigInt,
        space_id -> BigInt,
        post_id -> BigInt,
        reporter_id -> BigInt,
        reason -> Text,
        created_at -> Timestamp,
        resolved_by -> Nullable<BigInt>,
        resolved_at -> Nullable<Timestamp>,
        resolution -> Nullable<Text>,
    }
}

diesel::table! {
    bans (space_id, user_id) {
        space_id -> BigInt,
        user_id -> BigInt,
        banned_by -> BigInt,
        reason -> Text,
        until -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    moderation_log (id) {
        id -> BigInt,
        space_id -> BigInt,
        moderator_id -> BigInt,
        action -> Text,
        target_user_id -> Nullable<BigInt>,
        thread_id -> Nullable<BigInt>,
        post_id -> Nullable<BigInt>,
        reason -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    sessions (id) {
        id -> BigInt,
        user_id -> BigInt,
        token_hash -> Text,
        csrf_token -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        last_seen_at -> Nullable<Timestamp>,
        user_agent -> Nullable<Text>,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        name -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(user_languages -> users (user_id));
diesel::joinable!(memberships -> spaces (space_id));
diesel::joinable!(memberships -> users (user_id));
diesel::joinable!(threads -> spaces (space_id));
diesel::joinable!(posts -> threads (thread_id));
diesel::joinable!(posts -> users (author_id));
diesel::joinable!(post_revisions -> posts (post_id));
diesel::joinable!(reports -> posts (post_id));
diesel::joinable!(bans -> spaces (space_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(api_tokens -> users (user_id));

diesel::joinable!(translation_flags -> posts (post_id));
diesel::joinable!(translation_flags -> users (flagged_by));
diesel::joinable!(sentence_corrections -> users (approved_by));

diesel::allow_tables_to_appear_in_same_query!(
    users,
    user_languages,
    spaces,
    memberships,
    threads,
    posts,
    post_revisions,
    reports,
    bans,
    moderation_log,
    sessions,
    api_tokens,
    translation_jobs,
    translation_backfills,
    on_demand_languages,
    translation_routes,
    quality_guard_hits,
    translations,
    segment_cache,
    worker_tokens,
    search_outbox,
    thread_watches,
    notifications,
    notification_settings,
    email_outbox,
    space_glossaries,
    translation_flags,
    sentence_corrections,
);

diesel::table! {
    translation_jobs (id) {
        id -> BigInt,
        source_kind -> Text,
        source_id -> BigInt,
        source_lang -> Text,
        target_lang -> Text,
        source_revision -> Integer,
        priority -> Integer,
        state -> Text,
        attempts -> Integer,
        lease_owner -> Nullable<Text>,
        lease_expires_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        not_before -> Nullable<Timestamp>,
    }
}

diesel::table! {
    translations (id) {
        id -> BigInt,
        source_kind -> Text,
        source_id -> BigInt,
        target_lang -> Text,
        source_revision -> Integer,
        body -> Text,
        engine -> Text,
        model -> Text,
        created_at -> Timestamp,
        sentences -> Text,
        corrected -> Bool,
    }
}

diesel::table! {
    segment_cache (key) {
        key -> Text,
        translation -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    worker_tokens (id) {
        id -> BigInt,
        name -> Text,
        token_hash -> Text,
        created_by -> BigInt,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    search_outbox (id) {
        id -> BigInt,
        entity -> Text,
        entity_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    translation_backfills (space_id, lang) {
        space_id -> BigInt,
        lang -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    on_demand_languages (user_id, lang) {
        user_id -> BigInt,
        lang -> Text,
        requested_at -> Timestamp,
    }
}

diesel::table! {
    quality_guard_hits (model, guard) {
        model -> Text,
        guard -> Text,
        hits -> BigInt,
        last_at -> Timestamp,
    }
}

diesel::table! {
    translation_routes (provider, source_lang, target_lang) {
        provider -> Text,
        source_lang -> Text,
        target_lang -> Text,
        expires_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    thread_watches (user_id, thread_id) {
        user_id -> BigInt,
        thread_id -> BigInt,
        level -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    notifications (id) {
        id -> BigInt,
        user_id -> BigInt,
        kind -> Text,
        actor_id -> Nullable<BigInt>,
        space_id -> BigInt,
        thread_id -> Nullable<BigInt>,
        post_id -> Nullable<BigInt>,
        reason -> Nullable<Text>,
        created_at -> Timestamp,
        read_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    notification_settings (user_id) {
        user_id -> BigInt,
        email_mode -> Text,
        email_kinds_off -> Text,
        digested_up_to -> BigInt,
        last_digest_at -> Nullable<Timestamp>,
        unsubscribe_token -> Text,
        updated_at -> Timestamp,
        email_address -> Nullable<Text>,
        pending_address -> Nullable<Text>,
        confirm_token -> Nullable<Text>,
        pending_since -> Nullable<Timestamp>,
    }
}

diesel::table! {
    email_outbox (id) {
        id -> BigInt,
        user_id -> BigInt,
        notification_id -> Nullable<BigInt>,
        digest_after -> Nullable<BigInt>,
        digest_up_to -> Nullable<BigInt>,
        message_id -> Text,
        state -> Text,
        attempts -> Integer,
        not_before -> Timestamp,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        confirm_address -> Nullable<Text>,
    }
}

diesel::table! {
    space_glossaries (space_id) {
        space_id -> BigInt,
        entries -> Text,
        updated_by -> Nullable<BigInt>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    translation_flags (id) {
        id -> BigInt,
        space_id -> BigInt,
        post_id -> BigInt,
        source_lang -> Text,
        target_lang -> Text,
        source -> Text,
        machine -> Text,
        suggestion -> Nullable<Text>,
        flagged_by -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    sentence_corrections (id) {
        id -> BigInt,
        space_id -> BigInt,
        source_lang -> Text,
        target_lang -> Text,
        source -> Text,
        translation -> Text,
        approved_by -> Nullable<BigInt>,
        approved_at -> Timestamp,
    }
}
