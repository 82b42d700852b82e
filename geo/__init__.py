"""Documents -> place mentions -> resolved places -> dated incidents, and the table of incidents."""
