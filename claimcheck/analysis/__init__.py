"""What the records say together: the evidence-derived status of each claim, attribution in words,
the balance checks, the disputes and their figures, and the researchers' queries."""
