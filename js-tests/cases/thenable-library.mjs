// Placeholder: a real thenable library (supabase's postgrest-js query builder
// against the runner's stub server), awaited inside run(); filled in next.
export {};
