// Runs the built `kg` command as a user would, capturing output and exit code.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const KG = fileURLToPath(new URL('../../bin/kg.js', import.meta.url));

export interface KgRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runKg(args: string[], env: Record<string, string | undefined> = {}, input?: string): Promise<KgRun> {
  return new Promise((done, fail) => {
    const cleanEnv = { ...process.env };
    for (const name of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE', 'KG_HOME', 'KG_NEO4J_PORT']) delete cleanEnv[name];
    const child = spawn(process.execPath, [KG, ...args], { env: { ...cleanEnv, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}
