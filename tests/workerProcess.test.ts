import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Exchange, startProcess, stopProcess } from '../src/workerProcess.ts';

const answering = new URL('./support/answeringProcess.ts', import.meta.url);

test('questions sent to a process before it answered the first each get their own answer, in order', async () => {
  const child = startProcess(answering);
  try {
    const exchange = new Exchange<{ number: number }>(child, 'the answering process');
    const answers = await Promise.all([40, 5, 20, 0, 10].map((delayMs, number) => exchange.ask({ number, delayMs })));
    assert.deepEqual(
      answers.map((answer) => answer.number),
      [0, 1, 2, 3, 4],
    );
  } finally {
    await stopProcess(child);
  }
});

test('when the process stops, every question under way fails, naming it, and so does a later one', async () => {
  const child = startProcess(answering);
  try {
    const exchange = new Exchange<{ number: number }>(child, 'the answering process');
    const first = exchange.ask({ number: 1, delayMs: 5_000 });
    const second = exchange.ask({ number: 2, delayMs: 0 });
    const stopped = exchange.ask({ stop: true });
    for (const question of [first, second, stopped]) await assert.rejects(question, /the answering process stopped \(exit code 3\)/);
    await assert.rejects(exchange.ask({ number: 4, delayMs: 0 }), /stopped/);
  } finally {
    await stopProcess(child);
  }
});
