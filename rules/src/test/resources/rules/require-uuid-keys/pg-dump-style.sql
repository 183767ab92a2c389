-- setup: CREATE TABLE public.stock_levels (id integer NOT NULL); CREATE TABLE public.warehouses (name text)
-- pg_dump writes keys as ALTER TABLE … ADD CONSTRAINT after the CREATE TABLE: the column types come
-- from the CREATE TABLE earlier in the file, and the finding sits on the column in the key list.
CREATE TABLE public.products (
    id integer NOT NULL,
    sku character varying(64) NOT NULL
);

CREATE TABLE public.product_images (
    id uuid NOT NULL,
    product_sku character varying(64) NOT NULL
);

-- expect: require-uuid-keys at "id"
ALTER TABLE ONLY public.products ADD CONSTRAINT products_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.product_images ADD CONSTRAINT product_images_pkey PRIMARY KEY (id);

-- products.sku is no uuid key either, and the column follows it: only a key of its own would be reported.
ALTER TABLE ONLY public.product_images
    ADD CONSTRAINT product_images_sku_fkey FOREIGN KEY (product_sku) REFERENCES public.products (sku);

-- stock_levels comes from an earlier migration: its column types are known from there.
-- expect: require-uuid-keys at "id"
ALTER TABLE ONLY public.stock_levels ADD CONSTRAINT stock_levels_pkey PRIMARY KEY (id);

-- expect: require-uuid-keys at "serial"
ALTER TABLE public.warehouses ADD COLUMN IF NOT EXISTS id serial PRIMARY KEY;
