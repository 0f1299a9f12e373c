-- Driven by scripts/lsp-neovim-e2e.sh: Neovim (0.7 or later) attaches
-- `unattend server` to an answer file, as a user's init.lua would, and checks
-- what the editor shows. Inputs come from the environment; the exit code is
-- 0 when everything matches, 1 on a mismatch, 2 when the run itself failed.

local env = {
  bin = os.getenv('UNATTEND_BIN'),
  file = os.getenv('E2E_FILE'),
  lint = os.getenv('E2E_LINT_JSON'),
  catalog = os.getenv('E2E_CATALOG_JSON'),
  out = os.getenv('E2E_OUT'),
}

local failures = {}
local function fail(msg)
  table.insert(failures, msg)
  io.stderr:write('MISMATCH: ' .. msg .. '\n')
end

local function read_json(path)
  return vim.fn.json_decode(table.concat(vim.fn.readfile(path), '\n'))
end

local function finish(code)
  io.stderr:write('\n')
  vim.cmd((code == 0) and 'qall!' or ('cquit ' .. code))
end

local function main()
  assert(vim.lsp.start_client and vim.diagnostic, 'Neovim 0.7 or later is needed')
  local uri = vim.uri_from_fname(env.file)
  local published = 0
  local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
    default_publish(err, result, ctx, config)
    if result and result.uri == uri then
      published = published + 1
    end
  end

  -- The README's setup for Neovim 0.7 to 0.10, word for word but for the
  -- binary's path.
  vim.api.nvim_create_autocmd('FileType', { pattern = 'xml', callback = function(args)
    vim.g.unattend_client = vim.g.unattend_client or vim.lsp.start_client({
      name = 'unattend', cmd = { env.bin, 'server' }, root_dir = vim.fn.getcwd() })
    vim.lsp.buf_attach_client(args.buf, vim.g.unattend_client)
  end })

  -- An init file runs before Neovim turns file-type detection on.
  vim.cmd('filetype on')
  vim.cmd('edit ' .. vim.fn.fnameescape(env.file))
  local buf = vim.api.nvim_get_current_buf()
  assert(vim.bo[buf].filetype == 'xml', 'not detected as XML: ' .. vim.bo[buf].filetype)
  local client_id = vim.g.unattend_client
  assert(client_id, 'unattend server did not start')
  assert(vim.wait(20000, function() return published > 0 end, 20), 'no diagnostics within 20 s')

  -- 1. Diagnostics: exactly the findings of `unattend lint`.
  local names = { [1] = 'error', [2] = 'warning', [3] = 'info', [4] = 'hint' }
  local shown = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    local text = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1] or ''
    -- Neovim keeps byte columns; lint counts characters (UTF-32 index).
    local chars = vim.str_utfindex(text, d.col)
    table.insert(shown, {
      code = code,
      line = d.lnum + 1,
      column = chars + 1,
      severity = names[d.severity],
      message = d.message,
    })
  end
  vim.fn.writefile({ vim.fn.json_encode(shown) }, env.out)
  local function keys(list)
    local out = {}
    for _, d in ipairs(list) do
      table.insert(out, string.format('%s@%d:%d %s', d.code, d.line, d.column, d.severity))
    end
    table.sort(out)
    return out
  end
  local want, got = keys(read_json(env.lint)), keys(shown)
  if #want == 0 then
    fail('the test file has no findings; nothing would be compared')
  end
  if table.concat(want, '\n') ~= table.concat(got, '\n') then
    fail('diagnostics differ\n  unattend lint: ' .. table.concat(want, ', ')
      .. '\n  Neovim:        ' .. table.concat(got, ', '))
  else
    io.stderr:write(string.format('ok: %d diagnostics, same codes, lines, columns and severities as unattend lint\n', #got))
  end

  local function request(method, line, character)
    local answers = vim.lsp.buf_request_sync(buf, method, {
      textDocument = { uri = uri },
      position = { line = line, character = character },
    }, 10000)
    local answer = answers and answers[client_id]
    assert(answer and not answer.err, method .. ' failed: ' .. vim.inspect(answer))
    return answer.result
  end

  local function find_line(needle)
    for i, text in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
      local at = text:find(needle, 1, true)
      if at then
        return i - 1, at - 1, text
      end
    end
    error('not in the file: ' .. needle)
  end

  -- 2. Hover on the TimeZone setting: the catalog's facts for it.
  local facts = read_json(env.catalog)
  local row, col = find_line('<TimeZone>')
  local hover = request('textDocument/hover', row, col + 1)
  local value = hover and hover.contents and hover.contents.value or ''
  for _, part in ipairs({ facts.summary, facts.page_url, 'oobeSystem' }) do
    if not value:find(part, 1, true) then
      fail('hover on TimeZone lacks ' .. vim.inspect(part) .. ': ' .. vim.inspect(value))
    end
  end
  if #failures == 0 then
    io.stderr:write('ok: hover on TimeZone shows the catalog summary, passes and reference page\n')
  end

  -- 3. Completion while typing a new element inside the oobeSystem
  -- Shell-Setup component: its settings valid in oobeSystem only.
  local indent = vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[1]:match('^%s*')
  local before = published
  vim.api.nvim_buf_set_lines(buf, row + 1, row + 1, false, { indent .. '<' })
  -- The edit reaches the server (didChange) and is linted again.
  assert(vim.wait(10000, function() return published > before end, 20), 'no diagnostics after the edit')
  local result = request('textDocument/completion', row + 1, #indent + 1)
  local labels = {}
  for _, item in ipairs(result and (result.items or result) or {}) do
    labels[item.label] = true
  end
  for _, name in ipairs({ 'OOBE', 'AutoLogon', 'RegisteredOwner' }) do
    if not labels[name] then
      fail('completion inside Shell-Setup (oobeSystem) lacks ' .. name)
    end
  end
  -- ComputerName: Shell-Setup, but not valid in oobeSystem; InputLocale:
  -- another component.
  for _, name in ipairs({ 'ComputerName', 'InputLocale' }) do
    if labels[name] then
      fail('completion inside Shell-Setup (oobeSystem) offers ' .. name)
    end
  end
  if #failures == 0 then
    io.stderr:write('ok: completion offers Shell-Setup settings valid in oobeSystem, not ComputerName or InputLocale\n')
  end

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
  finish(#failures == 0 and 0 or 1)
end

local ok, err = pcall(main)
if not ok then
  io.stderr:write('ERROR: ' .. tostring(err) .. '\n')
  finish(2)
end
