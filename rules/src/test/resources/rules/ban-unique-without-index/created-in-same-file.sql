-- pg_dump style: the table is created, then its keys are added in the same file.
CREATE TABLE public.coupons (id bigint NOT NULL, code text NOT NULL);
ALTER TABLE ONLY public.coupons ADD CONSTRAINT coupons_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.coupons ADD CONSTRAINT coupons_code_key UNIQUE (code);

-- expect: ban-unique-without-index at "ALTER TABLE ONLY public.orders ADD CONSTRAINT orders_number_key UNIQUE (number)"
ALTER TABLE ONLY public.orders ADD CONSTRAINT orders_number_key UNIQUE (number);
