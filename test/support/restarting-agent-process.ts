// An agent process, as runAgentMain runs one, whose agent asks for a deliberate restart soon after it serves
// (as the nightly restart does). Prints "stopped" when its stop ran.

import { runAgentMain } from '../../kiosk/agent/command-line';

runAgentMain(async (agentProcess) => {
  setTimeout(() => agentProcess.restart(), 200);
  return {
    banner: ['A restarting agent.'],
    stop: async () => {
      process.stdout.write('stopped\n');
    },
  };
});
