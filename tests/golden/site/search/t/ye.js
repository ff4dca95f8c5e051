CLAIMCHECK_SEARCH.add("t:ye",{"year":[34,21]});
