"""What the site and the exports publish alike: where each record's page lives and the schema.org
ClaimReview of a reviewed claim, built once for both."""
