-- PRIMARY KEY (…) and FOREIGN KEY (…) written as table constraints: each column of a composite key counts.

-- expect: require-uuid-keys at "TEXT"
CREATE TABLE IF NOT EXISTS "Account" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- expect: require-uuid-keys at "integer"
-- expect: require-uuid-keys at "int4"
CREATE TABLE IF NOT EXISTS team_members (
    team_id integer NOT NULL,
    user_id int4 NOT NULL,
    role text NOT NULL,
    PRIMARY KEY (team_id, user_id)
);

-- The foreign key follows "Account"."id", a TEXT key reported above: only the key itself is reported.
CREATE TABLE IF NOT EXISTS "AccountToken" (
    "id" uuid NOT NULL,
    "accountId" TEXT NOT NULL,
    CONSTRAINT "AccountToken_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "AccountToken_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id")
);

-- In a composite key, a column that only completes it (a type discriminator, a date) is no identifier.
-- expect: require-uuid-keys at "bigint"
CREATE TABLE IF NOT EXISTS notes (
    id bigint NOT NULL,
    noteable_type varchar(64) NOT NULL,
    body text,
    PRIMARY KEY (id, noteable_type)
);
