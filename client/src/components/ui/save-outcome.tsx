type SaveOutcomeProps = {
  /** Why the form cannot be sent, found before sending; already worded for the user. */
  problem?: string | null;
  /** Why the server refused or the request failed; already worded for the user. */
  failure?: string | null;
  /** Shown once the save went through (e.g. "已保存"). */
  savedText?: string | null;
};

/** What became of a form's save: the problems in an alert, the success as a status line. */
export function SaveOutcome({ problem, failure, savedText }: SaveOutcomeProps) {
  return (
    <>
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      {failure && (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      )}
      {savedText && (
        <p className="notice notice-success" role="status">
          {savedText}
        </p>
      )}
    </>
  );
}
