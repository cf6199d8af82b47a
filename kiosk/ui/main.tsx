// Entry point: fonts and styles, lockdown, one connection to the agent, one speaker, and the App.

import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './styles.css';
import { render } from 'preact';
import { App } from './App';
import { AgentConnection, agentSocketUrl } from './connection';
import { installLockdown } from './lockdown';
import { createSpeaker } from './speech';

installLockdown();

const connection = new AgentConnection({ url: agentSocketUrl(window.location) });
connection.start();

const root = document.getElementById('app');
if (root) render(<App connection={connection} speaker={createSpeaker()} />, root);
