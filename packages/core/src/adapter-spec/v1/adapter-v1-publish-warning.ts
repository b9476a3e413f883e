// Spec v1.1 (an optional addition): something the network did differently from what the draft
// asked, known only once it answered — a video locked private because the API project is not
// verified, a post limited to its author because the app is not audited. The post still exists;
// the app should tell its user. A v1.0 adapter returns none and nothing changes for it.

/** A soft outcome an adapter reports with its answer (`code` is snake_case and stable per adapter). */
export interface AdapterV1PublishWarning {
  /** Stable code, e.g. `visibility_forced_private`. */
  code: string;
  /** What happened and what the user can do about it; never a secret. */
  message: string;
}
