"""chronicler beside the datasets researchers already hold: a user's own ACLED or GDELT export read
(``read``), each row matched to the consolidated event it reports (``match``), and what one side has
that the other lacks."""
