-- Headless end-to-end test: the real Neovim drives the real miglint jar.
-- Run through test/run.sh, which sets MIGLINT_JAR, MIGLINT_E2E_TMP and the XDG_* dirs.
local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
local plugin_root = vim.fn.fnamemodify(here, ':h')
vim.opt.runtimepath:prepend(plugin_root)
vim.cmd('filetype on')
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'

local passed, failed = 0, 0
local new_api = vim.fn.has('nvim-0.11') == 1

-- 0.11 made client methods take self (client:stop()); 0.7-0.10 use closures (client.stop()).
local function method(client, name, ...)
  if new_api then
    return client[name](client, ...)
  end
  return client[name](...)
end

local function clients()
  return (vim.lsp.get_clients or vim.lsp.get_active_clients)()
end

local function out(line)
  io.stdout:write(line .. '\n')
  io.stdout:flush()
end

local function pass(name)
  passed = passed + 1
  out('PASS ' .. name)
end

local function fail(name, why)
  failed = failed + 1
  out('FAIL ' .. name .. ': ' .. tostring(why):gsub('\n', ' '))
end

local function finish()
  for _, client in pairs(clients()) do
    method(client, 'stop')
  end
  vim.wait(3000, function()
    return #clients() == 0
  end, 50)
  vim.cmd(failed == 0 and 'qall!' or 'cquit 1')
end

-- Fires even while vim.wait is blocking, so a hung server cannot hang the run.
vim.defer_fn(function()
  fail('watchdog', 'the test did not finish within 60 s')
  vim.cmd('cquit 2')
end, 60000)

local function read_file(path)
  local f = io.open(path, 'r')
  if not f then
    return nil
  end
  local text = f:read('*a')
  f:close()
  return text
end

local function find_miglint_diag(bufnr)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == 'require-if-not-exists' then
      return d, code
    end
  end
end

local function hover_text(contents)
  if type(contents) == 'string' then
    return contents
  elseif contents.value then
    return contents.value
  end
  local parts = {}
  for _, c in ipairs(contents) do
    parts[#parts + 1] = type(c) == 'string' and c or c.value
  end
  return table.concat(parts, '\n')
end

local function buf_has_miglint(bufnr)
  local attached = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr }) or vim.lsp.buf_get_clients(bufnr)
  for _, c in pairs(attached) do
    if c.name == 'miglint' then
      return true
    end
  end
  return false
end

local repo = vim.fn.fnamemodify(plugin_root, ':h:h')

--- clients/attach-cases.tsv: { path, attach } per row; # comments and the header skipped.
local function attach_cases()
  local cases = {}
  for _, line in ipairs(vim.fn.readfile(repo .. '/clients/attach-cases.tsv')) do
    if line ~= '' and not line:match('^#') and not line:match('^path\t') then
      local path, attach = line:match('^([^\t]+)\t([^\t]+)\t')
      cases[#cases + 1] = { path = path, attach = attach == 'yes' }
    end
  end
  return cases
end

local function run()
  local miglint = require('miglint')

  -- pure checks first: they need no server
  local published = vim.fn.json_decode(table.concat(vim.fn.readfile(repo .. '/clients/file-patterns.json'), '\n'))
  local want, have = {}, {}
  for _, p in ipairs(published.patterns) do
    want[#want + 1] = p.glob .. ' ' .. p.languageId
  end
  for _, p in ipairs(miglint.patterns) do
    have[#have + 1] = p.glob .. ' ' .. p.filetype
  end
  local missing_ft = vim.tbl_filter(function(p)
    return not vim.tbl_contains(miglint.filetypes, p.filetype)
  end, miglint.patterns)
  if not vim.deep_equal(want, have) then
    fail('patterns-published', 'M.patterns differs from clients/file-patterns.json: ' .. vim.inspect({ want = want, have = have }))
  elseif #missing_ft > 0 then
    fail('patterns-published', 'filetypes not in M.filetypes: ' .. vim.inspect(missing_ft))
  else
    pass('patterns-published')
  end

  local wrong = {}
  for _, c in ipairs(attach_cases()) do
    if miglint.should_attach('/p/' .. c.path, nil) ~= c.attach then
      wrong[#wrong + 1] = c.path .. (c.attach and ' (want yes)' or ' (want no)')
    end
  end
  if #wrong == 0 then
    pass('attach-table')
  else
    fail('attach-table', 'should_attach disagrees with clients/attach-cases.tsv on ' .. table.concat(wrong, ', '))
  end

  local unknown = miglint.unknown_settings({ rules = {}, postgresversion = 16, alembicVersion = '1.13' })
  if vim.deep_equal(unknown, { 'postgresversion' }) then
    pass('unknown-settings')
  else
    fail('unknown-settings', 'want { "postgresversion" }, got ' .. vim.inspect(unknown))
  end

  local cmd, err = miglint.server_cmd({ jar = '/nonexistent/miglint.jar' })
  if cmd == nil and err and err:find('does not exist', 1, true) then
    pass('missing-jar-message')
  else
    fail('missing-jar-message', 'expected a clear error, got ' .. vim.inspect({ cmd, err }))
  end

  local jar = assert(vim.env.MIGLINT_JAR, 'MIGLINT_JAR is not set')
  local ws = (vim.env.MIGLINT_E2E_TMP or vim.fn.tempname()) .. '/ws'
  vim.fn.mkdir(ws .. '/migrations', 'p')
  vim.fn.writefile({ '{}' }, ws .. '/.miglint.json')
  local file = ws .. '/migrations/001_init.sql'
  vim.fn.writefile({ 'CREATE TABLE users (id bigint PRIMARY KEY, email text);' }, file)

  local notified = {}
  local orig_notify = vim.notify
  vim.notify = function(msg, level, o)
    notified[#notified + 1] = msg
    return orig_notify(msg, level, o)
  end

  local api = vim.env.MIGLINT_E2E_API ~= '' and vim.env.MIGLINT_E2E_API or nil
  -- require-uuid-keys would flag `id bigint`; turning it off checks that settings reach the server
  local settings = { rules = { ['require-uuid-keys'] = 'off' } }
  if api == 'enable' and not vim.lsp.enable then
    fail('setup', 'MIGLINT_E2E_API=enable needs Neovim 0.11+')
    return
  elseif api == 'enable' then
    -- 0.11+ without setup(), as the README shows: only lsp/miglint.lua (jar from $MIGLINT_JAR) and
    -- the user's vim.lsp.config; settings then reach the server by didChangeConfiguration
    io.stderr:write('e2e: LSP API path 0.11 (vim.lsp.enable + lsp/miglint.lua, no setup)\n')
    vim.lsp.config('miglint', { settings = { miglint = settings } })
    vim.lsp.enable('miglint')
  else
    io.stderr:write('e2e: LSP API path ' .. (api or miglint.api_generation()) .. '\n')
    if not miglint.setup({ jar = jar, api = api, settings = settings }) then
      fail('setup', 'setup() returned false: ' .. table.concat(notified, '; '))
      return
    end
  end
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)

  local function client()
    for _, c in ipairs(clients()) do
      if c.name == 'miglint' then
        return c
      end
    end
  end

  -- (a) diagnostic: pushed to 0.7-0.9, pulled by 0.10+ (the server pushes only to clients that do not pull)
  local diag
  vim.wait(30000, function()
    diag = find_miglint_diag(bufnr)
    return diag ~= nil
  end, 20)
  if not diag then
    local c = client()
    fail(
      'diagnostic',
      string.format(
        'no require-if-not-exists diagnostic after 30 s (client %s, diagnostics %s, notify %s)',
        c and 'running' or 'missing',
        vim.inspect(vim.diagnostic.get(bufnr)),
        table.concat(notified, '; ')
      )
    )
    return
  end
  local ns_name = vim.diagnostic.get_namespace(diag.namespace).name
  io.stderr:write('e2e: diagnostics ' .. (ns_name:match('miglint%.%d+$') and 'pushed' or 'pulled') .. ' (' .. ns_name .. ')\n')
  local copies = 0
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    copies = copies + ((d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)) == 'require-if-not-exists' and 1 or 0)
  end
  if copies ~= 1 then
    -- pushed and pulled both would land in separate namespaces: every finding shown twice
    fail('diagnostic', copies .. ' copies of the finding: ' .. vim.inspect(vim.diagnostic.get(bufnr)))
  elseif diag.source ~= 'miglint' then
    fail('diagnostic', 'source is ' .. tostring(diag.source))
  elseif diag.severity ~= vim.diagnostic.severity.ERROR then
    fail('diagnostic', 'severity is ' .. tostring(diag.severity))
  else
    pass('diagnostic')
  end

  local uuid
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == 'require-uuid-keys' then
      uuid = d
    end
  end
  if uuid then
    fail('settings', 'rule turned off in settings still reported: ' .. uuid.message)
  else
    pass('settings')
  end

  -- (b) hover on the flagged range
  local hover_ok, hover_why = false, 'no hover result'
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = uri },
    position = { line = 0, character = 2 },
  }, 15000)
  for _, r in pairs(responses or {}) do
    if r.result and r.result.contents then
      local text = hover_text(r.result.contents)
      hover_why = 'hover text lacks an expected phrase: ' .. text:sub(1, 300)
      hover_ok = text:find('require-if-not-exists', 1, true)
        and text:find('IF NOT EXISTS', 1, true)
        and text:find('run again', 1, true)
    elseif r.err or r.error then
      hover_why = vim.inspect(r.err or r.error)
    end
  end
  if hover_ok then
    pass('hover')
  else
    fail('hover', hover_why)
  end

  -- (c) preferred quick fix, applied as Neovim applies it, then :write
  -- what vim.lsp.buf.code_action sends: the diagnostic back, with its `data` (the server
  -- reads the fixes from there)
  local lsp_diag = vim.tbl_extend('keep', {
    range = {
      start = { line = diag.lnum, character = diag.col },
      ['end'] = { line = diag.end_lnum, character = diag.end_col },
    },
    severity = 1,
    code = diag.code,
    source = diag.source,
    message = diag.message,
  }, diag.user_data and diag.user_data.lsp or {})
  local actions = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = lsp_diag.range,
    context = { diagnostics = { lsp_diag }, only = { 'quickfix' } },
  }, 15000)
  local preferred, client_id
  for id, r in pairs(actions or {}) do
    for _, action in ipairs(r.result or {}) do
      if action.isPreferred then
        preferred, client_id = action, id
      end
    end
  end
  if not preferred then
    fail('quickfix', 'no preferred code action: ' .. vim.inspect(actions):sub(1, 400))
    return
  end
  local c = vim.lsp.get_client_by_id(client_id)
  if not preferred.edit then
    local resolved = method(c, 'request_sync', 'codeAction/resolve', preferred, 15000, bufnr)
    preferred = resolved and resolved.result or preferred
  end
  if not preferred.edit then
    fail('quickfix', 'preferred action "' .. tostring(preferred.title) .. '" has no edit')
    return
  end
  vim.lsp.util.apply_workspace_edit(preferred.edit, c.offset_encoding or 'utf-16')
  vim.cmd('write')
  local disk = read_file(file) or ''
  if preferred.title ~= 'Add IF NOT EXISTS' then
    fail('quickfix', 'preferred action is "' .. tostring(preferred.title) .. '"')
  elseif disk:find('CREATE TABLE IF NOT EXISTS users', 1, true) then
    pass('quickfix')
  else
    fail('quickfix', 'file on disk after "' .. tostring(preferred.title) .. '": ' .. disk)
  end

  -- (d) the server re-analyses the edited buffer and drops the finding
  local cleared = vim.wait(20000, function()
    return #vim.diagnostic.get(bufnr) == 0
  end, 20)
  if cleared then
    pass('diagnostic-clears')
  else
    fail('diagnostic-clears', 'still there after 20 s: ' .. vim.inspect(vim.diagnostic.get(bufnr)))
  end

  -- (e) real buffers: an Alembic revision gets the server, an ordinary Python module does not
  vim.fn.mkdir(ws .. '/alembic/versions', 'p')
  vim.fn.mkdir(ws .. '/app', 'p')
  vim.fn.writefile({ 'def upgrade():', '    pass' }, ws .. '/alembic/versions/0001_init.py')
  vim.fn.writefile({ 'print(1)' }, ws .. '/app/views.py')
  vim.cmd('edit ' .. vim.fn.fnameescape(ws .. '/alembic/versions/0001_init.py'))
  local revision = vim.api.nvim_get_current_buf()
  vim.cmd('edit ' .. vim.fn.fnameescape(ws .. '/app/views.py'))
  local views = vim.api.nvim_get_current_buf()
  local attached = vim.wait(10000, function()
    return buf_has_miglint(revision)
  end, 20)
  if not attached then
    fail('attach-by-path', 'no miglint client on alembic/versions/0001_init.py')
  elseif buf_has_miglint(views) then
    fail('attach-by-path', 'miglint attached to app/views.py')
  else
    pass('attach-by-path')
  end

  -- (f) every row of the table as a real buffer: filetype detection, the FileType autocmd and
  -- should_attach together attach the server to exactly the yes rows
  -- all files first, so that each buffer finds the same project root (.miglint.json is a row)
  local rows = {}
  for _, c in ipairs(attach_cases()) do
    local path = ws .. '/attach-cases/' .. c.path
    vim.fn.mkdir(vim.fn.fnamemodify(path, ':h'), 'p')
    vim.fn.writefile(path:match('%.json$') and { '{}' } or {}, path)
    rows[#rows + 1] = { case = c, path = path }
  end
  for _, r in ipairs(rows) do
    vim.cmd('edit ' .. vim.fn.fnameescape(r.path))
    r.buf = vim.api.nvim_get_current_buf()
  end
  vim.wait(20000, function()
    for _, r in ipairs(rows) do
      if r.case.attach and not buf_has_miglint(r.buf) then
        return false
      end
    end
    return true
  end, 20)
  local wrong = {}
  for _, r in ipairs(rows) do
    if buf_has_miglint(r.buf) ~= r.case.attach then
      wrong[#wrong + 1] = string.format('%s (want %s, filetype %s)', r.case.path, r.case.attach and 'yes' or 'no', vim.bo[r.buf].filetype)
    end
  end
  if #wrong == 0 then
    pass('attach-table-buffers')
  else
    fail('attach-table-buffers', 'the server is attached to the wrong buffers: ' .. table.concat(wrong, ', '))
  end
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    vim.schedule(function()
      local ok, err = xpcall(run, debug.traceback)
      if not ok then
        fail('e2e', err)
      end
      finish()
    end)
  end,
})
