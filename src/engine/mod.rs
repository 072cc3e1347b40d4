//! Pure budget engine: allocations, costs, scenarios, cut plan, flexibility, projection.
