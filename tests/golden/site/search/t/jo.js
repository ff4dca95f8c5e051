CLAIMCHECK_SEARCH.add("t:jo",{"journal":[3,42,1,39,21,46]});
