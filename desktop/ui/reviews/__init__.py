"""The annual review on the Evaluations page: the campaign tab, the dialogs
of each member's way through it (personal review, discussion, vote, the
commune's decision), the cell's own review and the review documents."""
