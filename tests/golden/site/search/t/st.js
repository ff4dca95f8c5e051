CLAIMCHECK_SEARCH.add("t:st",{"state":[2,24,19,37],"statement":[7,17,1,33,1,34,28,37,1,37],"stop":[19,43,15,18],"street":[3,42,1,39,21,46]});
