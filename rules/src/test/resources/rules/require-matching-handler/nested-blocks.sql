-- The innermost handler is the one rewritten; the outer block's handler is left alone.
-- setup: CREATE TABLE subscriptions (id bigint PRIMARY KEY, user_id bigint NOT NULL, plan text NOT NULL)

DO $$
BEGIN
    BEGIN
        -- expect: require-matching-handler at "ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_user_plan_key"
        ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_user_plan_key UNIQUE (user_id, plan);
    EXCEPTION
        WHEN duplicate_object THEN RAISE NOTICE 'subscriptions_user_plan_key exists';
    END;
    ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_plan_check CHECK (plan IN ('free', 'pro', 'team'));
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;
