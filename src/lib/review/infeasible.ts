/**
 * Why no jury assignment exists, as language-free codes: the solver names the blocking constraint,
 * the managers' page says it in their language.
 */
export type InfeasibleReason =
	| {
			/** `applications` in `language` need `needed` reviews; `jurorsReading` read it and can take `available`. */
			code: 'language_shortage';
			language: string;
			applications: number;
			needed: number;
			jurorsReading: number;
			available: number;
	  }
	/** One application has fewer possible reviewers than it needs. */
	| { code: 'too_few_eligible'; applicationId: string; eligible: number; needed: number }
	| { code: 'total_capacity'; needed: number; available: number }
	/** Pinned pairs and started reviews alone exceed a juror's load. */
	| { code: 'juror_overloaded_by_fixed'; jurorId: string; fixed: number; capacity: number }
	/** A group of applications shares too few jurors (the minimum cut of the flow). */
	| { code: 'blocked_group'; applications: number; needed: number; available: number };
