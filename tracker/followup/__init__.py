"""Follow-up: overdue and due-soon detection, delivery, slipped deadlines, dashboard."""
