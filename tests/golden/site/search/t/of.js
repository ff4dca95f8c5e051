CLAIMCHECK_SEARCH.add("t:of",{"off":[13,50],"offic":[22,45]});
