CLAIMCHECK_SEARCH.add("t:ag",{"against":[6,19,10,17,19,18,1,23],"agenc":[5,50]});
