/** What a labelled field takes besides its control: its id and the texts around the control. */
export type FieldLabelling = {
	id: string;
	label: string;
	hint?: string;
	/** A language-free validation code, translated by the field. */
	error?: string;
	/** An error already in the reader's words (an area's own codes); wins over `error`. */
	message?: string;
};
