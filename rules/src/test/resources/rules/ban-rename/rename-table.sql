-- expect: ban-rename at "ALTER TABLE public.users RENAME TO accounts"
ALTER TABLE public.users RENAME TO accounts;
