/** The look of text inputs and selects, with a visible error state. */
export const inputClass =
	'block w-full rounded-md border-slate-400 text-slate-900 shadow-sm focus:border-teal-700 focus:ring-teal-700 aria-[invalid=true]:border-red-600';
