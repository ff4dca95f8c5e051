CLAIMCHECK_SEARCH.add("t:ab",{"about":[34,21]});
