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

const LABELLING = ['id', 'label', 'hint', 'error', 'message'] as const;

/**
 * A field component's props split in two: what its `Field` shows around the control, and what goes
 * on the control itself (name, required, autocomplete…).
 */
export function splitLabelling<Props extends FieldLabelling>(
	props: Props
): { labelling: FieldLabelling; attributes: Omit<Props, keyof FieldLabelling> } {
	const labelling: Record<string, unknown> = {};
	const attributes: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(props)) {
		((LABELLING as readonly string[]).includes(key) ? labelling : attributes)[key] = value;
	}
	return {
		labelling: labelling as FieldLabelling,
		attributes: attributes as Omit<Props, keyof FieldLabelling>
	};
}
