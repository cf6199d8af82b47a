// The first whole JSON document a child process prints on stdout (the gateway simulator prints its address and
// client configurations that way).

import type { ChildProcess } from 'node:child_process';

export function readPrintedJson<T>(child: ChildProcess): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      try {
        resolve(JSON.parse(output) as T);
      } catch {
        // not complete yet
      }
    });
    child.once('exit', (code) => reject(new Error(`the process exited with ${code} before printing its JSON`)));
  });
}
