// The users and what each asks, with the draft the scripted model writes for
// each. Every run is one user's question on its own LangGraph thread.
export const QUESTIONS = [
  { user: 'Ada', question: 'Can I move my team of 12 to the yearly plan mid-month?', draft: 'Yes: the yearly plan starts today and the unused days of this month are credited.' },
  { user: 'Bruno', question: 'Why was my card charged twice on the 3rd?', draft: 'The second charge is a pending authorisation; it drops off within 5 working days.' },
  { user: 'Chen', question: 'Does the export include deleted projects?', draft: 'No: deleted projects stay out of exports; restore one first to include it.' },
  { user: 'Dalia', question: 'How do I add a second admin to our workspace?', draft: 'Settings → Members → Invite, and pick the Admin role.' },
  { user: 'Emeka', question: 'Can I keep my data in the EU region?', draft: 'Yes: pick EU when you create the workspace; existing ones move on request.' },
];

export const threadOf = (index) => `support-thread-${index + 1}`;
