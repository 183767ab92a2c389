-- miglint for Neovim 0.7 … 0.11+: starts `miglint lsp` (or the jar) for migration files.
local M = {}

local uv = vim.loop or vim.uv
local sep = package.config:sub(1, 1)

M.name = 'miglint'
-- The filetypes of the files below (jsonc: some configs give *.json that filetype).
M.filetypes = { 'sql', 'python', 'typescript', 'json', 'jsonc' }

-- The files the server reads: a copy of clients/file-patterns.json (generated from FilePatterns.java),
-- kept here so the plugin works on its own; the headless test fails when the two differ.
-- `**` is zero or more folders, `*` any characters within one folder; case-sensitive.
M.patterns = {
  { glob = '**/*.sql', filetype = 'sql' },
  { glob = '**/versions/**/*.py', filetype = 'python' },
  { glob = '**/models.py', filetype = 'python' },
  { glob = '**/models/**/*.py', filetype = 'python' },
  { glob = '**/schema.ts', filetype = 'typescript' },
  { glob = '**/schema/**/*.ts', filetype = 'typescript' },
  { glob = '**/db/schemas.ts', filetype = 'typescript' },
  { glob = '**/db/schemas/**/*.ts', filetype = 'typescript' },
  { glob = '**/meta/_journal.json', filetype = 'json' },
  { glob = '**/.miglint.json', filetype = 'json' },
}

-- The keys of .miglint.json (ConfigLoader.KEYS), which `settings` takes; a test checks the two agree.
M.settings_keys = { 'rules', 'runner', 'postgresVersion', 'acceptTransactional', 'include', 'exclude', 'alembicVersion' }

M.root_markers = {
  '.miglint.json',
  'alembic.ini',
  'drizzle.config.ts',
  'drizzle.config.js',
  'drizzle.config.mjs',
  'drizzle.config.cjs',
  'drizzle.config.json',
  '.git',
}
-- C1 only + serial GC: the server reaches compiled code within its start-up warm-up (same as ./miglint).
M.jvm_flags = { '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC' }

local options = {}

local function exists(path)
  return path ~= nil and path ~= '' and uv.fs_stat(path) ~= nil
end

local function parent(dir)
  local up = vim.fn.fnamemodify(dir, ':h')
  if up == dir then
    return nil
  end
  return up
end

-- vim.fs is 0.8+, so walk up by hand; the nearest folder holding any marker wins.
local function find_up(start_dir, markers)
  local dir = start_dir
  while dir do
    for _, marker in ipairs(markers) do
      if exists(dir .. sep .. marker) then
        return dir
      end
    end
    dir = parent(dir)
  end
  return nil
end

local function segments(path)
  local out = {}
  for segment in (path:gsub('\\', '/')):gmatch('[^/]+') do
    out[#out + 1] = segment
  end
  return out
end

-- One folder or file name of a glob as an anchored Lua pattern: `*` and `?` stay within the name.
local function name_pattern(glob)
  local escaped = glob:gsub('[%^%$%(%)%%%.%[%]%+%-]', '%%%0'):gsub('%*', '.*'):gsub('%?', '.')
  return '^' .. escaped .. '$'
end

local function match_from(glob, g, path, p)
  if g > #glob then
    return p > #path
  end
  if glob[g] == '**' then
    -- zero folders, or one more folder and try again
    return match_from(glob, g + 1, path, p) or (p <= #path and match_from(glob, g, path, p + 1))
  end
  return p <= #path and path[p]:match(name_pattern(glob[g])) ~= nil and match_from(glob, g + 1, path, p + 1)
end

--- Whether `glob` (the syntax of M.patterns) matches `path` (`/` or `\` separators).
function M.glob_match(glob, path)
  return match_from(segments(glob), 1, segments(path), 1)
end

--- Whether a file is one miglint reads, by its path alone (M.patterns): Python, TypeScript and JSON
--- files are everywhere, so only the migration-shaped ones get a server. `filetype` is not needed.
function M.should_attach(path, _filetype)
  if not path or path == '' then
    return false
  end
  path = vim.fn.fnamemodify(path, ':p')
  for _, p in ipairs(M.patterns) do
    if M.glob_match(p.glob, path) then
      return true
    end
  end
  return false
end

--- The keys of `settings` that .miglint.json does not have (typos such as `postgresversion`).
function M.unknown_settings(settings)
  local unknown = {}
  for key in pairs(settings or {}) do
    if not vim.tbl_contains(M.settings_keys, key) then
      unknown[#unknown + 1] = tostring(key)
    end
  end
  table.sort(unknown)
  return unknown
end

--- Nearest folder with a root marker, else the file's own folder.
function M.find_root(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  return find_up(dir, (options.root_markers or M.root_markers)) or dir
end

local function java_path(opts)
  if opts.java then
    return opts.java
  end
  local home = vim.env.JAVA_HOME
  if home and home ~= '' then
    local candidate = home .. sep .. 'bin' .. sep .. 'java'
    if vim.fn.executable(candidate) == 1 then
      return candidate
    end
  end
  return 'java'
end

--- The server command, or nil and a message saying what is missing.
--- An explicit `cmd` wins, then a configured jar (the user asked for that build), then `miglint` on PATH.
function M.server_cmd(opts)
  opts = opts or {}
  if opts.cmd then
    if vim.fn.executable(opts.cmd[1]) ~= 1 then
      return nil, string.format('miglint: cmd %q is not executable', opts.cmd[1])
    end
    return opts.cmd
  end
  local jar = opts.jar
  if jar and jar ~= '' then
    jar = vim.fn.expand(jar)
    if not exists(jar) then
      return nil, string.format('miglint: jar %s does not exist (build it with `mvn package` or fix `jar`)', jar)
    end
    local java = java_path(opts)
    if vim.fn.executable(java) ~= 1 then
      return nil,
        string.format('miglint: Java not found (%s); install a JDK 17+, set JAVA_HOME or pass `java = ...`', java)
    end
    local cmd = { java }
    vim.list_extend(cmd, opts.jvm_flags or M.jvm_flags)
    vim.list_extend(cmd, { '-jar', jar, 'lsp' })
    return cmd
  end
  local exe = opts.miglint or 'miglint'
  if vim.fn.executable(exe) == 1 then
    return { exe, 'lsp' }
  end
  return nil, 'miglint: `miglint` is not on PATH and no `jar` is configured; pass setup{ jar = ".../miglint.jar" }'
end

local function notify(msg, level)
  vim.schedule(function()
    vim.notify(msg, level, { title = 'miglint' })
  end)
end

local function notify_error(msg)
  notify(msg, vim.log.levels.ERROR)
end

local function buf_path(bufnr)
  return vim.api.nvim_buf_get_name(bufnr)
end

-- initializationOptions from the settings the client ends up with: on 0.11+ a user's
-- vim.lsp.config('miglint', { settings = ... }) is merged in after lsp/miglint.lua built init_options,
-- and the server would otherwise lint with the defaults until didChangeConfiguration's rescan lands.
local function before_init(params, config)
  local settings = config.settings and config.settings.miglint
  if type(settings) == 'table' and next(settings) ~= nil then
    local init = type(params.initializationOptions) == 'table' and params.initializationOptions or {}
    params.initializationOptions = vim.tbl_deep_extend('force', init, { miglint = settings })
  end
end

--- The client config shared by every API generation (without root_dir, which is per buffer).
function M.client_config(opts)
  opts = opts or options
  local cmd, err = M.server_cmd(opts)
  local settings = opts.settings
  local unknown = M.unknown_settings(settings)
  if #unknown > 0 then
    -- the server ignores them: say so instead of silently linting with the defaults
    notify(
      'miglint: unknown settings ' .. table.concat(unknown, ', ') .. '; the keys are ' .. table.concat(M.settings_keys, ', '),
      vim.log.levels.WARN
    )
  end
  -- an empty Lua table would go out as a JSON array; the server expects objects
  if settings == nil or next(settings) == nil then
    settings = vim.empty_dict()
  end
  return {
    name = M.name,
    cmd = cmd,
    filetypes = opts.filetypes or M.filetypes,
    root_markers = opts.root_markers or M.root_markers,
    -- the server reads `miglint` out of initializationOptions at start, and out of
    -- didChangeConfiguration / workspace/configuration later
    init_options = { miglint = settings },
    settings = { miglint = settings },
    before_init = before_init,
    capabilities = opts.capabilities,
    on_attach = opts.on_attach,
    handlers = opts.handlers,
  },
    err
end

-- 0.11 calls root_dir(bufnr, on_dir) and attaches only when on_dir is called: that is the filter.
local function root_dir_011(bufnr, on_dir)
  local path = buf_path(bufnr)
  if M.should_attach(path, vim.bo[bufnr].filetype) then
    on_dir(M.find_root(path))
  end
end

local function with_env(opts)
  opts = vim.tbl_extend('force', {}, opts or {})
  if opts.jar == nil and vim.env.MIGLINT_JAR and vim.env.MIGLINT_JAR ~= '' then
    opts.jar = vim.env.MIGLINT_JAR
  end
  return opts
end

--- For 0.11's lsp/miglint.lua: the config, with a root_dir that skips files miglint does not read.
function M.config(opts)
  local cfg, err = M.client_config(with_env(opts or options))
  if not cfg.cmd then
    notify_error(err)
    -- keep the shape valid for vim.lsp.config; starting it fails with nvim's own message too
    cfg.cmd = { 'miglint', 'lsp' }
  end
  cfg.root_dir = root_dir_011
  return cfg
end

-- vim.lsp.start/start_client do not know these keys.
local function start_config(cfg)
  local out = vim.deepcopy(cfg)
  out.filetypes = nil
  out.root_markers = nil
  return out
end

local function setup_011(cfg)
  cfg.root_dir = root_dir_011
  vim.lsp.config(M.name, cfg)
  vim.lsp.enable(M.name)
end

local group

local function on_filetype(attach)
  group = vim.api.nvim_create_augroup('miglint', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = options.filetypes or M.filetypes,
    callback = function(args)
      local bufnr = args.buf
      if vim.bo[bufnr].buftype ~= '' then
        return
      end
      local path = buf_path(bufnr)
      if M.should_attach(path, vim.bo[bufnr].filetype) then
        attach(bufnr, M.find_root(path))
      end
    end,
  })
end

-- Buffers opened before setup() ran have had their FileType event already.
local function attach_existing(attach)
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.bo[bufnr].buftype == '' then
      local path = buf_path(bufnr)
      local ft = vim.bo[bufnr].filetype
      if vim.tbl_contains(options.filetypes or M.filetypes, ft) and M.should_attach(path, ft) then
        attach(bufnr, M.find_root(path))
      end
    end
  end
end

local function setup_08(cfg)
  local base = start_config(cfg)
  local attach = function(bufnr, root)
    local c = vim.deepcopy(base)
    c.root_dir = root
    -- 0.8's vim.lsp.start only knows the current buffer; 0.10 takes opts.bufnr
    vim.api.nvim_buf_call(bufnr, function()
      vim.lsp.start(c, { bufnr = bufnr })
    end)
  end
  on_filetype(attach)
  attach_existing(attach)
end

local function setup_07(cfg)
  local base = start_config(cfg)
  local clients = {} -- root_dir -> client id, one server per project
  local attach = function(bufnr, root)
    local id = clients[root]
    local client = id and vim.lsp.get_client_by_id(id)
    if not client or client.is_stopped() then
      local c = vim.deepcopy(base)
      c.root_dir = root
      id = vim.lsp.start_client(c)
      if not id then
        notify_error('miglint: could not start ' .. table.concat(base.cmd, ' '))
        return
      end
      clients[root] = id
    end
    vim.lsp.buf_attach_client(bufnr, id)
  end
  on_filetype(attach)
  attach_existing(attach)
end

--- Which LSP API this Neovim has, by feature test rather than version number.
function M.api_generation()
  -- 0.10's vim.lsp lazily loads submodules on index; pcall keeps an unknown key harmless
  local ok, has_config = pcall(function()
    return vim.lsp.config ~= nil and type(vim.lsp.enable) == 'function'
  end)
  if ok and has_config then
    return '0.11'
  elseif type(vim.lsp.start) == 'function' then
    return '0.8'
  end
  return '0.7'
end

--- setup{ cmd = {...}, java = 'java', jar = 'path/miglint.jar', settings = { rules = {...}, ... } }
--- Returns false (after a vim.notify error) when no server command can be built.
function M.setup(opts)
  options = with_env(opts)
  local cfg, err = M.client_config(options)
  if not cfg.cmd then
    notify_error(err)
    return false
  end
  -- `api` forces an older path on a newer Neovim (tests); normally the feature test decides
  local generation = options.api or M.api_generation()
  if generation == '0.11' then
    setup_011(cfg)
  elseif generation == '0.8' then
    setup_08(cfg)
  else
    setup_07(cfg)
  end
  return true
end

return M
