CLAIMCHECK_SEARCH.add("t:ov",{"over":[3,26,1,21,1,37]});
