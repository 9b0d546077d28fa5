/**
 * A worker process for the test of `Exchange` (tests/workerProcess.test.ts):
 * it answers each message with its number, one after another, each after the
 * time the message asks for; a message that asks it to stop ends it at once.
 */
interface Question {
  number: number;
  delayMs: number;
  stop?: boolean;
}

let answered: Promise<void> = Promise.resolve();
process.on('message', (question: Question) => {
  if (question.stop) process.exit(3);
  answered = answered.then(
    () =>
      new Promise((resolve) =>
        setTimeout(() => {
          process.send!({ number: question.number });
          resolve();
        }, question.delayMs),
      ),
  );
});
