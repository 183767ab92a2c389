# expect: ban-drop-column at "op.drop_column"
op.drop_column("users", "nickname")
