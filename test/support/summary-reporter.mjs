// Names every skipped test (so a skip is never silent), then prints one plain closing line that
// any CI can read: "Summary: N passed, N failed, N skipped".
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status === 'pending' || test.status === 'todo') {
          process.stdout.write(`Skipped: ${test.fullName}\n`);
        }
      }
    }
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(
      `\nSummary: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`,
    );
  }
}
