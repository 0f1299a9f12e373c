// The unattend VS Code extension: starts `unattend server` (the language
// server of the unattend CLI) for Windows answer files. All checks, hovers,
// completions and fixes come from the server; this file only wires it up.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

/** Starts the server with the current settings. */
async function start() {
  const config = vscode.workspace.getConfiguration('unattend');
  const command = config.get('server.path') || 'unattend';
  const documentSelector = [
    { scheme: 'file', language: 'unattend' },
    { scheme: 'untitled', language: 'unattend' },
  ];
  if (config.get('allXmlFiles')) {
    documentSelector.push({ scheme: 'file', language: 'xml' });
  }
  client = new LanguageClient(
    'unattend',
    'unattend',
    { command, args: ['server'] },
    { documentSelector },
  );
  try {
    await client.start();
  } catch (err) {
    client = undefined;
    const message = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(
      `unattend: could not start "${command} server" (${message}). ` +
        'Install unattend (cargo install unattend-cli) or set "unattend.server.path".',
    );
  }
}

async function stop() {
  const running = client;
  client = undefined;
  if (running) {
    await running.stop();
  }
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('unattend.restartServer', async () => {
      await stop();
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (
        event.affectsConfiguration('unattend.server.path') ||
        event.affectsConfiguration('unattend.allXmlFiles')
      ) {
        await stop();
        await start();
      }
    }),
  );
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
