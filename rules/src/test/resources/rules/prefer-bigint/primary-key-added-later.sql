-- config: {"rules": {"prefer-bigint": "warning"}}
-- pg_dump declares the column in CREATE TABLE and its primary key later: the type comes from the
-- schema replay, and since it is declared elsewhere there is no automatic fix.
CREATE TABLE public.posts (
    id integer NOT NULL,
    title text
);

CREATE TABLE public.tags (
    id bigint NOT NULL
);

-- expect: prefer-bigint at "id"
ALTER TABLE ONLY public.posts
    ADD CONSTRAINT posts_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.tags
    ADD CONSTRAINT tags_pkey PRIMARY KEY (id);
