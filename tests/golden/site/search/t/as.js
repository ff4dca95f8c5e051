CLAIMCHECK_SEARCH.add("t:as",{"assert":[7,21,1,23,3,27],"assess":[7,29,1,17,4,30,1,28,2,29,1,27]});
