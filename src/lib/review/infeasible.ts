/**
 * Why no jury assignment exists, as language-free codes: the solver names the blocking constraint,
 * the managers' page says it in their language (most specific first).
 */
export type InfeasibleReason =
	/** A pinned pair or started review the rules forbid (a conflict, a removal, the language). */
	| {
			code: 'fixed_pair_forbidden';
			applicationId: string;
			jurorId: string;
			cause: 'conflict' | 'removed' | 'language';
	  }
	| { code: 'too_many_fixed'; applicationId: string; fixed: number; needed: number }
	/** Pinned pairs and started reviews alone exceed a juror's load. */
	| { code: 'juror_overloaded_by_fixed'; jurorId: string; fixed: number; capacity: number }
	/** One application has fewer possible reviewers than it needs. */
	| { code: 'too_few_eligible'; applicationId: string; needed: number; eligible: number }
	| {
			/** `applications` in `language` need `needed` reviews; `jurorsReading` read it and can take `available`. */
			code: 'language_shortage';
			language: string;
			applications: number;
			needed: number;
			jurorsReading: number;
			available: number;
	  }
	| { code: 'total_capacity'; needed: number; available: number }
	/** A group of applications shares too few jurors (the minimum cut of the flow). */
	| {
			code: 'blocked_group';
			applicationIds: string[];
			jurorIds: string[];
			needed: number;
			available: number;
	  };
