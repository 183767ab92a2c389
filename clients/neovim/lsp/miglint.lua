-- Neovim 0.11+: `vim.lsp.enable('miglint')` finds this file on the runtimepath.
-- It returns { cmd, filetypes, root_markers, ... }; root_dir (which 0.11 prefers over root_markers)
-- keeps the server off Python/TypeScript/JSON files that are not migrations.
return require('miglint').config()
