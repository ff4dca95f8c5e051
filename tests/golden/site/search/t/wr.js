CLAIMCHECK_SEARCH.add("t:wr",{"written":[22,45]});
