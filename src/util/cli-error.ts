// The error every layer that speaks to the user throws when it has the words for it: the CLI's
// commands, the kubeconfig loader (client/), the manifest reader. It sits here, below all of them,
// so that client/ need not import cli/ (cli/errors.ts formats it, with API errors, the way kubectl does).

/** An error the CLI reports as-is (already in kubectl's words) with an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    /** Print the message without the `error: ` prefix. */
    readonly raw = false,
  ) {
    super(message);
  }
}
