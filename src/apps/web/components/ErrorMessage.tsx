import { ApiError, errorMessage } from "../api.js";

export interface ErrorMessageProps {
  error: unknown;
  /** What was being done, e.g. "load the compounds". */
  action?: string;
  onRetry?: () => void;
}

/** An error from the API or the network, with the server's message and validation issues. */
export function ErrorMessage({ error, action, onRetry }: ErrorMessageProps) {
  const issues = error instanceof ApiError ? error.issues : [];
  const type = error instanceof ApiError && error.type !== "HttpError" ? error.type : null;
  return (
    <div className="error-box" role="alert" data-testid="error">
      <p className="error-box__title">
        {action ? `Could not ${action}` : "Something went wrong"}
        {type && <span className="error-box__type">{type}</span>}
      </p>
      <p className="error-box__message">{errorMessage(error)}</p>
      {issues.length > 0 && (
        <ul className="error-box__issues">
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path && <code>{issue.path}</code>} {issue.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button button--small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
